package org.lmssync.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** (f) the time from process start to the first request the simulator receives, for {@code once}. */
final class StartupBench {
    private StartupBench() {
    }

    static void run(BenchSettings settings, ListingServer server, JarRunner jar, Path work, Report report) throws Exception {
        List<Double> secs = new ArrayList<>();
        for (int r = 0; r < Math.max(3, settings.repeat()); r++) {
            server.source().reset(ListingServer.MAX_PER_PAGE);
            Path db = work.resolve("startup-" + r + ".db");
            server.requestLog().clear();
            JarRun run = BenchLms.require(jar.once(BenchLms.config(server, db)));
            secs.add(BenchLms.startup(run, server.requestLog()));
            SyncDb.delete(db);
        }
        report.add(Figure.info("f. start-up: process start to first request", Stats.median(secs), "s",
                Stats.spread(secs, "%.2f") + "; once, fresh DB, one page"));
    }
}
