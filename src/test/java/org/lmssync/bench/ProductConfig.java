package org.lmssync.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmssync.simulator.LmsSimulator;
import org.lmssync.simulator.canvas.CanvasSimulator;
import org.lmssync.simulator.google.GoogleSimulator;
import org.lmssync.simulator.schoology.SchoologySimulator;

/**
 * The app's settings for syncing a product simulator with the real routes/*.yaml, as the
 * product sync tests configure it; the request budget is the caller's.
 */
final class ProductConfig {
    private ProductConfig() {
    }

    private static Map<String, String> base(Path db, String lms, int requestsPerSecond) {
        // the product benches (d, e, g) sync into SQLite; bench.db selects the DB of (a)-(c) only
        Map<String, String> c = new LinkedHashMap<>(BenchDb.SQLITE.settings(db));
        c.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        c.put("lms." + lms + ".enabled", "true");
        c.put("lms." + lms + ".requests-per-second", Integer.toString(requestsPerSecond));
        return c;
    }

    /** The budget and the simulator's own keys (URLs, credentials; files they name go into {@code work}). */
    static Map<String, String> of(LmsSimulator sim, Path db, Path work, int requestsPerSecond) {
        Map<String, String> c = base(db, sim.lms(), requestsPerSecond);
        c.putAll(sim.settings(work));
        return c;
    }

    static Map<String, String> canvas(CanvasSimulator sim, Path db, int rps) {
        return of(sim, db, db.toAbsolutePath().getParent(), rps);
    }

    /** Usage for the last five days through the simulator's today. */
    static Map<String, String> google(GoogleSimulator sim, Path db, Path work, int rps) {
        Map<String, String> c = of(sim, db, work, rps);
        c.put("lms.school-year-start", sim.today().minusDays(5).toString());
        c.put("lms.end-date", sim.today().toString());
        return c;
    }

    /** Attendance from the district's school year through the simulator's today. */
    static Map<String, String> schoology(SchoologySimulator sim, Path db, int rps) {
        Map<String, String> c = of(sim, db, db.toAbsolutePath().getParent(), rps);
        c.put("lms.end-date", sim.today().toString());
        return c;
    }
}
