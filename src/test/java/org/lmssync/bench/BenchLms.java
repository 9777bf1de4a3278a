package org.lmssync.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmssync.simulator.RequestLog;

/** The app's settings for syncing the benchmark's listing (testlms adapter, bench routes). */
final class BenchLms {
    static final String TABLE = "testlms_submissions";

    private BenchLms() {
    }

    /** {@code db}: the {@code lms.db.*} keys of the sync DB ({@link BenchDb#settings}). */
    static Map<String, String> config(ListingServer server, Map<String, String> db) {
        Map<String, String> c = new LinkedHashMap<>(db);
        c.put("lms.routes-dir", routesDir().toString());
        c.put("lms.testlms.enabled", "true");
        c.put("lms.testlms.schedule", "0 0 2 * * ?");
        c.put("lms.testlms.token", "bench-token");
        c.put("lms.testlms.page-size", Integer.toString(ListingServer.MAX_PER_PAGE));
        c.put("lms.testlms.requests-per-second", "100000");
        c.put("lms.testlms.resources", "submissions");
        c.put("bench.api", server.baseUrl());
        return c;
    }

    private static Path routesDir() {
        try {
            return Path.of(BenchLms.class.getResource("/bench-routes").toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds from the process start to the first request the simulator received. */
    static double startup(JarRun run, RequestLog log) {
        Instant first = log.entries().stream().map(RequestLog.Entry::received).min(Instant::compareTo)
                .orElseThrow(() -> new IllegalStateException("the run made no request:\n" + run.output()));
        return Duration.between(run.started(), first).toNanos() / 1e9;
    }

    static JarRun require(JarRun run) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException("lms-sync exited " + run.exitCode() + ":\n" + tail(run.output()));
        }
        return run;
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }
}
