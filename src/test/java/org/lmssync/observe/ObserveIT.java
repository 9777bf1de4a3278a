package org.lmssync.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmssync.SyncTestSupport;
import org.lmssync.reliability.AppProcess;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;

/**
 * The packaged jar's {@code run} with its management endpoint on, against the Canvas simulator:
 * the metrics scraped during and after the runs equal what sync_runs/sync_run_resources recorded,
 * and the readiness check of Canvas turns DOWN after rejected credentials and UP after a good run.
 * Nothing is timed: each step waits (with a generous limit) for the state it then asserts on.
 */
class ObserveIT extends SyncTestSupport {
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)}\\s+(\\S+)$");
    private static final Map<String, String> COUNTER_COLUMNS = columns();
    private final HttpClient http = HttpClient.newHttpClient();
    private CanvasSimulator canvas;
    private AppProcess app;
    private int port;

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : List.of("records", "inserted", "updated", "unchanged", "deleted", "errors", "requests", "retries",
                "throttled", "pages")) {
            m.put("lms_sync_" + c + "_total", c);
        }
        return m;
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.process().destroy();
            app.finish(Duration.ofSeconds(60));
        }
        if (canvas != null) {
            canvas.close();
        }
    }

    @Test
    void metricsAgreeWithTheRunLogAndReadinessFollowsCredentials() throws Exception {
        canvas = CanvasSimulator.start(CanvasSimConfig.builder().seed(7).size(CanvasDistrictSize.small()).throttling(false).build());
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("lms.db.url", "jdbc:sqlite:" + db);
        settings.put("lms.canvas.enabled", "true");
        settings.put("lms.canvas.base-url", canvas.baseUrl());
        settings.put("lms.canvas.access-token", canvas.accessToken());
        settings.put("lms.canvas.requests-per-second", "1000");
        settings.put("lms.canvas.schedule", "0/3 * * * * ?");
        // the age rule stays out of the way: this test is about credentials
        settings.put("lms.health.max-missed-schedules", "100000");
        settings.put("lms.http.backoff-base-millis", "20");
        settings.put("camel.management.enabled", "true");
        settings.put("camel.management.port", Integer.toString(port));
        app = AppProcess.start(dir, "observe", settings, "run");

        // during the first run: the endpoint answers with lms-sync's meters and Camel's route meters
        waitFor("a run in progress or finished", () -> count("SELECT COUNT(*) FROM sync_runs") > 0);
        String during = waitForScrape();
        assertTrue(during.contains("lms_sync_run_active{lms=\"canvas\"}"), during);
        assertTrue(during.contains("camel_exchanges_total"), during);

        waitFor("a succeeded run", () -> count("SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded'") > 0);
        waitFor("readiness UP", () -> readiness().equals("UP"));
        // Camel's route timers are registered when a route's first exchange completes (Micrometer's
        // route policy), so a scrape during the first resource has none yet: asked after a run
        String afterFirst = get("/observe/metrics");
        assertTrue(afterFirst.lines().anyMatch(l -> l.startsWith("camel_route_policy_seconds_count{")
                && l.contains("routeId=\"sync-canvas-courses\"")), afterFirst);
        assertMetricsEqualTheRunLog();

        canvas.revokeAccessToken(canvas.accessToken());
        long before = count("SELECT MAX(run_id) FROM sync_runs");
        waitFor("a run with the rejected token", () -> count("SELECT COUNT(*) FROM sync_runs WHERE run_id > " + before
                + " AND status = 'failed'") > 0);
        waitFor("readiness DOWN", () -> readiness().equals("DOWN"));
        String health = get("/observe/health");
        assertTrue(health.contains("credentials were rejected"), health);
        assertMetricsEqualTheRunLog();

        canvas.addAccessToken(canvas.accessToken());
        long failedAt = count("SELECT MAX(run_id) FROM sync_runs");
        waitFor("a good run after the token is back", () -> count("SELECT COUNT(*) FROM sync_runs WHERE run_id > " + failedAt
                + " AND status = 'succeeded'") > 0);
        waitFor("readiness UP again", () -> readiness().equals("UP"));
        assertMetricsEqualTheRunLog();
        String after = get("/observe/metrics");
        System.out.println("observe: scrape after the runs (lms_sync_*, courses):");
        after.lines().filter(l -> l.startsWith("lms_sync_") && (l.contains("courses") || !l.contains("resource=")))
                .forEach(l -> System.out.println("  " + l));
    }

    /**
     * The counters equal the sums of sync_run_resources over every run of this process, and the
     * runs counter the count of sync_runs by status. Runs keep coming on the schedule, so it is
     * compared at a moment when no run is in progress and the run log did not move around the scrape.
     */
    private void assertMetricsEqualTheRunLog() throws Exception {
        Map<String, Double> db1 = null;
        Map<String, Double> scraped = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            db1 = runLog();
            scraped = scrapeTotals();
            Map<String, Double> db2 = runLog();
            if (db1.equals(db2) && count("SELECT COUNT(*) FROM sync_runs WHERE status = 'running'") == 0 && db1.equals(scraped)) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(db1, scraped, "the metrics and the run log");
        assertTrue(db1.getOrDefault("records/canvas/courses", 0.0) > 0, db1.toString());
    }

    private Map<String, Double> runLog() throws Exception {
        Map<String, Double> out = new TreeMap<>();
        for (Map<String, Object> row : query("SELECT r.lms, x.resource, SUM(x.records) records, SUM(x.inserted) inserted,"
                + " SUM(x.updated) updated, SUM(x.unchanged) unchanged, SUM(x.deleted) deleted, SUM(x.errors) errors,"
                + " SUM(x.requests) requests, SUM(x.retries) retries, SUM(x.throttled) throttled, SUM(x.pages) pages"
                + " FROM sync_run_resources x JOIN sync_runs r USING (run_id) WHERE r.status <> 'running' GROUP BY 1, 2")) {
            for (String c : COUNTER_COLUMNS.values()) {
                out.put(c + "/" + row.get("lms") + "/" + row.get("resource"), ((Number) row.get(c)).doubleValue());
            }
        }
        for (Map<String, Object> row : query("SELECT lms, status, COUNT(*) n FROM sync_runs GROUP BY 1, 2")) {
            out.put("runs/" + row.get("lms") + "/" + row.get("status"), ((Number) row.get("n")).doubleValue());
        }
        return out;
    }

    private Map<String, Double> scrapeTotals() throws IOException, InterruptedException {
        Map<String, Double> out = new TreeMap<>();
        for (String line : get("/observe/metrics").split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = labels(m.group(2));
            String column = COUNTER_COLUMNS.get(m.group(1));
            if (column != null) {
                out.put(column + "/" + labels.get("lms") + "/" + labels.get("resource"), Double.parseDouble(m.group(3)));
            } else if (m.group(1).equals("lms_sync_runs_total") && !labels.get("status").equals("skipped")) {
                out.put("runs/" + labels.get("lms") + "/" + labels.get("status"), Double.parseDouble(m.group(3)));
            }
        }
        return out;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = Pattern.compile("([a-zA-Z_]+)=\"([^\"]*)\"").matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** The status of the check lms-sync-canvas, or "" while the endpoint does not answer. */
    private String readiness() {
        try {
            String body = get("/observe/health");
            Matcher m = Pattern.compile("\"name\":\"lms-sync-canvas\",\"status\":\"([A-Z]+)\"").matcher(body);
            return m.find() ? m.group(1) : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private String waitForScrape() throws Exception {
        String[] body = {""};
        waitFor("the metrics endpoint", () -> {
            try {
                body[0] = get("/observe/metrics");
                return body[0].contains("lms_sync_");
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
        return body[0];
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private long count(String sql) {
        try {
            return scalar(sql);
        } catch (Exception e) {
            return 0;
        }
    }

    /** Waits for a state (a limit only against a hang; never an assertion on how long it took). */
    private void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofMinutes(3));
        while (!done.getAsBoolean()) {
            if (!app.isAlive()) {
                throw new AssertionError("the app ended while waiting for " + what + ": " + app.output());
            }
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("no " + what + " within 3 minutes: " + app.output());
            }
            Thread.sleep(100);
        }
    }
}
