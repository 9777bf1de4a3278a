package org.lmssync.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** (f) the time from process start to the first request the simulator receives, for {@code once}. */
final class StartupBench {
    private StartupBench() {
    }

    static void run(BenchRig rig) throws Exception {
        List<Double> secs = new ArrayList<>();
        for (int r = 0; r < Math.max(3, rig.settings().repeat()); r++) {
            rig.server().source().reset(ListingServer.MAX_PER_PAGE);
            Path db = rig.work().resolve("startup-" + r + ".db");
            rig.server().requestLog().clear();
            JarRun run = BenchLms.require(rig.jar().once(rig.config(db)));
            secs.add(BenchLms.startup(run, rig.server().requestLog()));
            rig.db().delete(db);
        }
        rig.report().add(Figure.info("f. start-up" + rig.on() + ": process start to first request", Stats.median(secs), "s",
                Stats.spread(secs, "%.2f") + "; once, fresh DB, one page"));
    }
}
