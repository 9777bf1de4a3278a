package org.lmssync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The performance benchmark (issue 7): every measure in one run, a table on stdout and
 * {@code target/bench/results.json}. The sync under test is always the packaged jar in its own
 * JVM with {@code -Xmx256m}; the simulators run in this JVM (and, with {@code -Dbench.db=postgres},
 * the embedded PostgreSQL server beside it). See README, Performance.
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static Report run() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path out = Path.of("target", "bench");
        Path work = out.resolve("work");
        clean(work);
        Files.createDirectories(work);
        Report report = new Report(settings.asMap(), System.out);
        Path packaged = Path.of("target", "lms-sync.jar");
        JarRunner jar = new JarRunner("bench", packaged, Path.of("target", "test-classes"), work, "256m");
        long t0 = System.nanoTime();
        try (ListingServer server = new ListingServer()) {
            // (a)-(c) once per sync DB, one DB after the other, so their ratios come from the same run;
            // (f) on the first DB only: start-up is the JVM's and Camel's, not the DB's
            for (BenchDb db : settings.dbs()) {
                BenchRig rig = new BenchRig(settings, server, jar, work, report, db);
                System.out.println("BENCH   sync DB: " + db.describe(work.resolve("probe.db")));
                if (settings.runs('f') && db == settings.dbs().get(0)) {
                    StartupBench.run(rig);
                }
                Path bigDb = null;
                if (settings.runs('a') || settings.runs('c')) {
                    bigDb = new FullSyncBench(rig).run(settings.runs('c'));
                }
                if (settings.runs('b')) {
                    new IncrementalBench(rig).run(bigDb);
                } else if (bigDb != null) {
                    db.delete(bigDb);
                }
            }
        }
        if (settings.runs('d')) {
            RequestBench.run(new JarRunner("requests", packaged, null, work, "256m"), work, report);
        }
        if (settings.runs('e')) {
            ThrottledBench.run(settings, new JarRunner("throttled", packaged, null, work, "256m"), work, report);
        }
        if (settings.runs('g')) {
            LatencyBench.run(settings, new JarRunner("latency", packaged, null, work, "256m"), work, report);
        }
        report.printTable();
        System.out.printf("benchmark took %.1f min; results in %s%n", (System.nanoTime() - t0) / 60e9,
                out.resolve("results.json").toAbsolutePath());
        report.writeJson(out.resolve("results.json"));
        clean(work);
        return report;
    }

    private static void clean(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        run();
    }
}
