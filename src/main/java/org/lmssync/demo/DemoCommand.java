package org.lmssync.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmssync.config.Settings;
import org.lmssync.simulator.LmsSimulator;
import org.lmssync.simulator.SimOptions;
import org.lmssync.simulator.SimulatorProvider;
import org.lmssync.simulator.Simulators;

/**
 * {@code demo}: starts the built-in simulators (every {@link SimulatorProvider} of the build) on loopback, syncs them into {@code data/demo.db},
 * changes their data, syncs again, and shows what each run did. Needs no credentials.
 */
public final class DemoCommand {
    static final String DB = "data/demo.db";

    private final Settings settings;
    private final PrintStream out;
    private final SyncOnce syncOnce;

    /** Runs {@code once} for the named LMSs with the given settings; returns its exit code. */
    @FunctionalInterface
    public interface SyncOnce {
        int run(Settings settings, List<String> lms) throws IOException;
    }

    /** @param syncOnce runs {@code once} for the named LMSs with the given settings; returns its exit code */
    public DemoCommand(Settings settings, PrintStream out, SyncOnce syncOnce) {
        this.settings = settings;
        this.out = out;
        this.syncOnce = syncOnce;
    }

    /**
     * The districts the demo starts: seed 2026, and a school year that began a week ago (the first
     * day of its date windows: Google usage, Schoology attendance), which is also its
     * {@code lms.school-year-start}.
     */
    public static SimOptions options(String size) {
        return new SimOptions(size, 2026, java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(7));
    }

    public int run() throws IOException {
        Path dir = Path.of("data", "demo");
        Files.createDirectories(dir);
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(DB + suffix));
        }
        String scale = settings.get("lms.demo.size", "small");
        if (!scale.equals("small") && !scale.equals("medium")) {
            throw new org.lmssync.config.ConfigException("lms.demo.size", "must be small or medium, not '" + scale + "'");
        }
        SimOptions options = options(scale);
        List<LmsSimulator> sources = new ArrayList<>();
        try {
            for (SimulatorProvider provider : Simulators.all()) {
                sources.add(provider.start(options));
            }
            Settings s = settings.with("lms.db.url", "jdbc:sqlite:" + DB)
                    .with("lms.school-year-start", options.schoolYearStart().toString());
            List<String> names = new ArrayList<>();
            for (LmsSimulator src : sources) {
                for (Map.Entry<String, String> e : src.settings(dir).entrySet()) {
                    s = s.with(e.getKey(), e.getValue());
                }
                names.add(src.lms());
            }
            out.println("== Run 1: first sync of the simulated district into " + DB);
            long t0 = System.nanoTime();
            int first = syncOnce.run(s, names);
            out.printf("   (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
            out.println();
            out.println("== Changing the simulated data");
            for (LmsSimulator src : sources) {
                out.println("   " + src.applyDemoChanges());
            }
            out.println();
            out.println("== Run 2: incremental sync");
            long t1 = System.nanoTime();
            int second = syncOnce.run(s, names);
            out.printf("   (%.1f s)%n", (System.nanoTime() - t1) / 1e9);
            out.println();
            for (LmsSimulator src : sources) {
                out.println(src.lms() + " simulator answered " + src.requestLog().size() + " requests in all.");
            }
            out.println("Explore it: sqlite3 " + DB + " \"SELECT id, json_extract(json, '$.name'), deleted_at FROM google_courses\"");
            out.println("            sqlite3 " + DB + " \"SELECT id, json_extract(json, '$.section_title'), retired_at, deleted_at"
                    + " FROM schoology_sections WHERE retired_at IS NOT NULL OR deleted_at IS NOT NULL\"");
            return first == 0 && second == 0 ? 0 : 1;
        } finally {
            sources.forEach(LmsSimulator::close);
        }
    }
}
