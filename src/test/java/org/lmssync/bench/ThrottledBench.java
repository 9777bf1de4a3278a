package org.lmssync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;

/**
 * (e) wall time under a rate limit: the Schoology simulator admits R requests per second (a
 * token bucket of R), the app's budget is R requests per second; the run's own time (sync_runs)
 * against the least time the limit allows, requests / R, and the 429 replies.
 */
final class ThrottledBench {
    private ThrottledBench() {
    }

    static void run(BenchSettings settings, JarRunner jar, Path work, Report report) throws Exception {
        int rps = settings.throttleRps();
        List<Double> ratio = new ArrayList<>();
        long throttled = 0;
        long requests = 0;
        try (SchoologySimulator sim = SchoologySimulator.start(SchoologySimConfig.builder().seed(3)
                .size(SchoologyDistrictSize.small()).rateLimit(rps, Duration.ofSeconds(1)).build())) {
            for (int r = 0; r < settings.repeat(); r++) {
                Path db = work.resolve("throttled-" + r + ".db");
                sim.requestLog().clear();
                BenchLms.require(jar.once(ProductConfig.schoology(sim, db, rps), "--lms", "schoology"));
                SyncDb.LastRun run = SyncDb.lastRun(db);
                requests = sim.requestLog().size();
                throttled += sim.requestLog().count(e -> e.status() == 429);
                ratio.add(run.seconds() / ((double) requests / rps));
                System.out.printf("BENCH   throttled run %d: %d requests in %.1f s (limit allows %.1f s), %d throttled%n",
                        r + 1, requests, run.seconds(), (double) requests / rps, run.throttled());
                SyncDb.delete(db);
            }
        }
        report.add(Figure.atMost("e. throttled wall time / (requests / R)", Stats.median(ratio), "ratio", 1.1,
                String.format("Schoology small, R = %d/s, %d requests; ", rps, requests) + Stats.spread(ratio, "%.3f")));
        report.add(Figure.check("e. throttled: 429 replies", throttled, "replies", "0", throttled == 0,
                "over " + settings.repeat() + " runs"));
    }
}
