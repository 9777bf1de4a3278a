package org.lmssync.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Map<String, String> c = new LinkedHashMap<>();
        c.put("lms.db.url", "jdbc:sqlite:" + db);
        c.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        c.put("lms." + lms + ".enabled", "true");
        c.put("lms." + lms + ".requests-per-second", Integer.toString(requestsPerSecond));
        return c;
    }

    static Map<String, String> canvas(CanvasSimulator sim, Path db, int rps) {
        Map<String, String> c = base(db, "canvas", rps);
        c.put("lms.canvas.base-url", sim.baseUrl());
        c.put("lms.canvas.access-token", sim.accessToken());
        return c;
    }

    static Map<String, String> google(GoogleSimulator sim, Path db, Path work, int rps) {
        Map<String, String> c = base(db, "google", rps);
        c.put("lms.google.classroom-url", sim.baseUrl());
        c.put("lms.google.reports-url", sim.baseUrl());
        c.put("lms.google.service-account-file", sim.writeServiceAccountKey(work.resolve("google-key.json")).toString());
        c.put("lms.google.admin-email", sim.adminEmail());
        c.put("lms.school-year-start", sim.today().minusDays(5).toString());
        c.put("lms.end-date", sim.today().toString());
        return c;
    }

    static Map<String, String> schoology(SchoologySimulator sim, Path db, int rps) {
        Map<String, String> c = base(db, "schoology", rps);
        c.put("lms.schoology.base-url", sim.apiBaseUrl());
        c.put("lms.schoology.key", sim.consumerKey());
        c.put("lms.schoology.secret", sim.consumerSecret());
        c.put("lms.school-year-start", sim.schoolYearStart().toString());
        c.put("lms.end-date", sim.today().toString());
        return c;
    }
}
