package org.lmssync.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The reliability suite's record of what it tried: one line per fault, crash or scan, with its
 * outcome. Tests append to a file under {@code target/reliability}, so the unit phase (surefire)
 * and the subprocess phase (failsafe) add up to one summary, printed by {@link SuiteSummary}.
 */
public final class SuiteLedger {
    /** Areas of the summary, in the order it prints them. */
    public static final String FAULTS = "faults";
    public static final String PERMANENT = "permanent faults";
    public static final String BAD_INPUT = "bad input";
    public static final String CRASHES = "crashes";
    public static final String REFETCHED = "refetched pages";
    public static final String CONCURRENCY = "concurrency";
    public static final String ISOLATION = "failure isolation";
    public static final String SECRETS = "secrets";
    public static final List<String> AREAS = List.of(FAULTS, PERMANENT, BAD_INPUT, ISOLATION, CRASHES, REFETCHED, CONCURRENCY, SECRETS);

    static final Path FILE = Path.of(System.getProperty("reliability.ledger", "target/reliability/ledger.tsv"));

    private SuiteLedger() {
    }

    /**
     * Records one trial. Call it just before the assertion that decides it, with the same outcome,
     * so a failing test is a failing line too.
     *
     * @param area   one of {@link #AREAS}
     * @param kind   what was tried, e.g. "canvas 503" or "kill at 35%"
     * @param count  how many of it (faults injected, pages refetched, places scanned)
     * @param passed whether the expected behaviour held
     */
    public static synchronized void record(String area, String kind, long count, boolean passed) {
        if (!AREAS.contains(area)) {
            throw new IllegalArgumentException("unknown area: " + area);
        }
        String line = String.join("\t", area, kind.replace('\t', ' ').replace('\n', ' '), Long.toString(count),
                passed ? "pass" : "FAIL") + "\n";
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> read() {
        try {
            if (!Files.exists(FILE)) {
                return List.of();
            }
            return Files.readAllLines(FILE, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(l -> {
                String[] f = l.split("\t", -1);
                return new Entry(f[0], f[1], Long.parseLong(f[2]), "pass".equals(f[3]));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void reset() {
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Entry(String area, String kind, long count, boolean passed) {
    }
}
