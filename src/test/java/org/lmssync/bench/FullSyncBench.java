package org.lmssync.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * (a) full-sync throughput of the packaged jar against the ceiling, and (c) its memory at the
 * largest size. Both run in a fresh JVM with the same heap limit: the sync's time is its process
 * wall time less its start-up (process start to its first request), the ceiling's is timed inside
 * its process from its first request, so JVM start is left out of both and neither is warmed up.
 */
final class FullSyncBench {
    private static final int WARM_UP_PAGES = 3_000;

    private final BenchRig rig;

    FullSyncBench(BenchRig rig) {
        this.rig = rig;
    }

    /** Runs every size; returns the DB of the last run at the largest size, kept for (b). */
    Path run(boolean memory) throws Exception {
        Path kept = null;
        warmServer();
        for (int n : rig.settings().fullSizes()) {
            int reps = rig.settings().repeatFor(n);
            List<Double> sync = new ArrayList<>();
            List<Double> wall = new ArrayList<>();
            List<Double> ceiling = new ArrayList<>();
            List<Double> paired = new ArrayList<>();
            List<Double> heap = new ArrayList<>();
            List<Double> rss = new ArrayList<>();
            long jsonBytes = 0;
            for (int r = 0; r < reps; r++) {
                rig.server().source().reset(n);
                Path db = rig.work().resolve("full-" + n + "-" + r + ".db");
                rig.server().requestLog().clear();
                JarRun run = BenchLms.require(rig.jar().once(rig.config(db)));
                expectRows(rig, db, n);
                jsonBytes = SyncDb.scalar(rig.db(), db, "SELECT AVG(LENGTH(json)) FROM " + BenchLms.TABLE);
                double secs = run.seconds() - BenchLms.startup(run, rig.server().requestLog());
                sync.add(n / secs);
                wall.add(n / run.seconds());
                heap.add((double) run.peakHeapMb());
                rss.add((double) run.peakRssMb());
                if (r == reps - 1 && n == rig.settings().bigTable()) {
                    kept = db;
                } else {
                    rig.db().delete(db);
                }
                Path cdb = rig.work().resolve("ceiling-" + n + "-" + r + ".db");
                JarRun c = rig.jar().main(Ceiling.class.getName(), List.of(rig.server().listingUrl() + "?per_page="
                        + ListingServer.MAX_PER_PAGE, dbProperties(rig, cdb).toString()));
                if (c.exitCode() != 0) {
                    throw new IllegalStateException("the ceiling failed: " + c.output());
                }
                double[] result = Ceiling.result(c.output());
                long rows = (long) result[0];
                double csecs = result[1];
                if (rows != n) {
                    throw new IllegalStateException("the ceiling stored " + rows + " rows, not " + n);
                }
                ceiling.add(n / csecs);
                paired.add(csecs / secs);
                rig.db().delete(cdb);
                System.out.printf("BENCH   full %,d" + rig.on() + " run %d: sync %.0f rec/s (wall incl. JVM start %.1f s), ceiling %.0f rec/s,"
                        + " heap %d MB, RSS %d MB%n", n, r + 1, n / secs, run.seconds(), n / csecs, run.peakHeapMb(), run.peakRssMb());
            }
            String count = String.format("%,d", n);
            String size = count + rig.on();
            double pipe = Stats.median(sync);
            double ceil = Stats.median(ceiling);
            rig.report().add(Figure.info("a. full sync " + size + ": lms-sync", pipe, "records/s",
                    Stats.spread(sync, "%.0f") + "; incl. JVM start " + Report.number(Stats.median(wall)) + " rec/s; "
                            + jsonBytes + " B of JSON per record"));
            rig.report().add(Figure.info("a. full sync " + size + ": ceiling", ceil, "records/s",
                    Stats.spread(ceiling, "%.0f") + "; HttpClient+Jackson+JDBC batch, in its own JVM like the sync"));
            rig.report().add(Figure.atLeast("a. full sync " + size + ": lms-sync / ceiling", pipe / ceil, "ratio", 1.0, ""));
            // Each sync and the ceiling run right after it share the machine's load of that moment;
            // their ratio leaves out the drift between repetitions that the medians above keep.
            rig.report().add(Figure.info("a. full sync " + size + ": per-run ratio, sync / the ceiling right after it",
                    Stats.median(paired), "ratio", Stats.spread(paired, "%.2f")));
            if (memory && n == rig.settings().bigTable()) {
                rig.report().add(Figure.check("c. " + count + " records" + rig.on() + " with -Xmx256m", 1, "completed", "completes", true,
                        reps + " of " + reps + " runs exited 0 with every row stored"));
                rig.report().add(Figure.info("c. " + size + ": peak heap (before GC)", Stats.median(heap), "MB",
                        Stats.spread(heap, "%.0f") + "; from -Xlog:gc"));
                rig.report().add(Figure.info("c. " + size + ": peak RSS (VmHWM)", Stats.median(rss), "MB",
                        Stats.spread(rss, "%.0f") + "; /proc/<pid>/status polled"));
            }
        }
        return kept;
    }

    /**
     * The benchmark's server is not what is measured, but it shares the JVM's JIT warm-up with
     * nothing: cold, it served a full listing about a third slower, and the sync, which runs first
     * in each repetition, paid for that most. It serves {@value #WARM_UP_PAGES} pages first.
     */
    private void warmServer() throws Exception {
        rig.server().source().reset(WARM_UP_PAGES * ListingServer.MAX_PER_PAGE / 10);
        int pages = WARM_UP_PAGES / 10;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < WARM_UP_PAGES; i++) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(rig.server().listingUrl() + "?per_page=" + ListingServer.MAX_PER_PAGE
                    + "&page=" + (i % pages + 1))).header("Authorization", "Bearer bench").GET().build();
            if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                throw new IllegalStateException("the benchmark's server did not serve its warm-up page " + (i % pages + 1));
            }
        }
        rig.server().requestLog().clear();
    }

    /** The ceiling's {@code lms.db.*} keys, in a file beside the runs' own. */
    private static Path dbProperties(BenchRig rig, Path db) throws IOException {
        Properties p = new Properties();
        p.putAll(rig.dbSettings(db));
        Path file = rig.work().resolve(db.getFileName() + ".properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "the ceiling's sync DB");
        }
        return file;
    }

    static void expectRows(BenchRig rig, Path db, long n) throws Exception {
        long rows = SyncDb.scalar(rig.db(), db, "SELECT COUNT(*) FROM " + BenchLms.TABLE + " WHERE deleted_at IS NULL");
        if (rows != n) {
            throw new IllegalStateException(db + " holds " + rows + " live rows, not " + n);
        }
    }
}
