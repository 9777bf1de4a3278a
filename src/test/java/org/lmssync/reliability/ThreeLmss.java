package org.lmssync.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.canvas.CanvasSimulator;
import org.lmssync.simulator.google.GoogleSimulator;
import org.lmssync.simulator.schoology.SchoologySimulator;

/** The three product simulators as one packaged-jar configuration, and what runs in sync_runs must never do. */
final class ThreeLmss {
    static final List<String> LMSS = List.of("canvas", "google", "schoology");

    private ThreeLmss() {
    }

    /** Settings that enable the three LMSs against their simulators (Canvas's budget is the caller's). */
    static Map<String, String> config(Path dir, LocalDate yearStart, CanvasSimulator canvas, GoogleSimulator google,
                                      SchoologySimulator schoology) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        config.put("lms.school-year-start", yearStart.toString());
        config.put("lms.http.backoff-base-millis", "20");
        config.put("lms.canvas.enabled", "true");
        config.put("lms.canvas.base-url", canvas.baseUrl());
        config.put("lms.canvas.access-token", canvas.accessToken());
        config.put("lms.google.enabled", "true");
        config.put("lms.google.classroom-url", google.baseUrl());
        config.put("lms.google.reports-url", google.baseUrl());
        config.put("lms.google.service-account-file", google.writeServiceAccountKey(dir.resolve("key.json")).toString());
        config.put("lms.google.admin-email", google.adminEmail());
        config.put("lms.google.requests-per-second", "200");
        config.put("lms.schoology.enabled", "true");
        config.put("lms.schoology.base-url", schoology.apiBaseUrl());
        config.put("lms.schoology.key", schoology.consumerKey());
        config.put("lms.schoology.secret", schoology.consumerSecret());
        config.put("lms.schoology.requests-per-second", "200");
        return config;
    }

    /** Whether two runs (rows of sync_runs with started_at and finished_at) overlap in time. */
    static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
        String aEnd = String.valueOf(a.get("finished_at"));
        String bEnd = String.valueOf(b.get("finished_at"));
        return ((String) a.get("started_at")).compareTo(bEnd) < 0 && ((String) b.get("started_at")).compareTo(aEnd) < 0;
    }

    static boolean overlapsWithinAnLms(List<Map<String, Object>> runs) {
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                if (runs.get(i).get("lms").equals(runs.get(j).get("lms")) && overlap(runs.get(i), runs.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
