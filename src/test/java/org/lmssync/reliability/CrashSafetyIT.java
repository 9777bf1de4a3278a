package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;

/**
 * Crash safety of the packaged jar against the Canvas simulator: killed again and again, stopped
 * with SIGTERM (also while it waits out a throttle), and run twice on one DB at once.
 */
class CrashSafetyIT {
    private static final int KILLS = 20;
    /**
     * Listings in flight at a kill: the default lms.canvas.concurrency (read from the adapter's
     * defaults), or {@code -Dcrash.canvas.concurrency=N} to run the suite at another (e.g. 1).
     */
    private static final int CANVAS_CONCURRENCY = Integer.getInteger("crash.canvas.concurrency", defaultCanvasConcurrency());
    @TempDir
    Path dir;
    private CanvasSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static int defaultCanvasConcurrency() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = CrashSafetyIT.class.getResourceAsStream("/org/lmssync/canvas/defaults.properties")) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Integer.parseInt(p.getProperty("lms.canvas.concurrency").trim());
    }

    private void startSimulator(CanvasDistrictSize size) {
        sim = CanvasSimulator.start(CanvasSimConfig.builder().seed(2026).size(size).throttling(false).build());
    }

    private Map<String, String> config(String dbName, int requestsPerSecond) {
        Map<String, String> c = new LinkedHashMap<>();
        c.putAll(org.lmssync.TestDb.settings(dir.resolve(dbName)));
        c.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        c.put("lms.canvas.enabled", "true");
        c.put("lms.canvas.base-url", sim.baseUrl());
        c.put("lms.canvas.access-token", sim.accessToken());
        c.put("lms.canvas.requests-per-second", Integer.toString(requestsPerSecond));
        c.put("lms.canvas.concurrency", Integer.toString(CANVAS_CONCURRENCY));
        return c;
    }

    @Test
    void twentyKillsAndASigtermLeaveTheDatabaseOfAnUninterruptedRunAndRefetchAtMostOnePageEach() throws Exception {
        startSimulator(CanvasDistrictSize.medium());
        AppProcess whole = AppProcess.start(dir, "whole", config("whole.db", 1000), "once");
        finish(whole);
        int minimum = sim.requestLog().size();
        int from = minimum;

        // Interruptions at 21 points spread evenly over the requests an uninterrupted run makes;
        // the 11th is a SIGTERM, the others a kill -9 (destroyForcibly).
        Map<String, String> config = config("broken.db", 1000);
        int interruptions = 0;
        int sigterms = 0;
        for (int k = 1; k <= KILLS + 1; k++) {
            int target = from + k * minimum / (KILLS + 2);
            AppProcess p = AppProcess.start(dir, "broken", config, "once");
            while (p.isAlive() && sim.requestLog().size() < target) {
                Thread.sleep(2);
            }
            assertTrue(p.isAlive(), "run " + k + " ended before its interruption point: " + p.output());
            if (k == KILLS / 2 + 1) {
                p.process().destroy();
                sigterms++;
            } else {
                p.process().destroyForcibly();
            }
            assertTrue(p.process().waitFor(60, TimeUnit.SECONDS), "did not stop");
            interruptions++;
        }
        finish(AppProcess.start(dir, "broken", config, "once"));

        Map<String, List<String>> expected = DbSnapshot.of(dir.resolve("whole.db"), "canvas");
        Map<String, List<String>> actual = DbSnapshot.of(dir.resolve("broken.db"), "canvas");
        boolean same = expected.equals(actual);
        SuiteLedger.record(SuiteLedger.CRASHES, "kill -9 mid-run, medium Canvas district (DB = uninterrupted run's)",
                interruptions - sigterms, same);
        SuiteLedger.record(SuiteLedger.CRASHES, "SIGTERM mid-run, medium Canvas district (DB = uninterrupted run's)",
                sigterms, same);
        assertEquals(expected.keySet(), actual.keySet());
        for (String table : expected.keySet()) {
            assertEquals(expected.get(table).size(), actual.get(table).size(), table + " row count");
            assertEquals(expected.get(table), actual.get(table), table);
        }
        assertEquals(0, duplicateIdentities(dir.resolve("broken.db")), "rows sharing an identity");

        // Each page URL the interrupted series fetched more than once is a refetched page.
        List<RequestLog.Entry> series = sim.requestLog().entries().subList(from, sim.requestLog().size());
        Map<String, Long> perUrl = series.stream().filter(e -> e.status() == 200)
                .collect(Collectors.groupingBy(e -> e.path() + "?" + e.rawQuery(), Collectors.counting()));
        long refetched = perUrl.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf("crash safety: %d interruptions (%d SIGTERM), uninterrupted run %d requests, interrupted series %d"
                + " requests, %d pages refetched (%.2f per interruption)%n", interruptions, sigterms, minimum, series.size(),
                refetched, (double) refetched / interruptions);
        // Each listing in flight at a kill loses at most the pages it had not committed: the one being
        // fetched and the one being committed meanwhile (page N commits while N+1 is fetched).
        int inFlight = 2 * CANVAS_CONCURRENCY;
        SuiteLedger.record(SuiteLedger.REFETCHED, "pages refetched over " + interruptions + " interruptions (target <= "
                + inFlight + " each: 2 per listing in flight)", refetched, refetched <= (long) interruptions * inFlight);
        assertTrue(refetched <= (long) interruptions * inFlight, refetched + " pages refetched over " + interruptions
                + " interruptions");
        assertEquals(interruptions, scalar(dir.resolve("broken.db"), "SELECT COUNT(*) FROM sync_runs WHERE status = 'interrupted'"));
    }

    @Test
    void sigtermDuringALongRetryAfterWaitStopsPromptlyAndTheNextRunCompletes() throws Exception {
        startSimulator(CanvasDistrictSize.small());
        Faults.Rule throttle = sim.faults().injectNext(1, "/api/v1/courses", Fault.tooManyRequestsRetryAfterSeconds(120));
        Map<String, String> config = config("sync.db", 1000);
        AppProcess p = AppProcess.start(dir, "sync", config, "once");
        while (p.isAlive() && throttle.fired() == 0) {
            Thread.sleep(5);
        }
        Thread.sleep(500);
        boolean waiting = p.isAlive();
        long t0 = System.nanoTime();
        p.process().destroy();
        boolean stopped = p.process().waitFor(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("SIGTERM during a 120 s Retry-After wait: stopped in %d ms%n", took.toMillis());
        boolean prompt = waiting && stopped && took.compareTo(Duration.ofSeconds(10)) < 0;
        SuiteLedger.record(SuiteLedger.CRASHES, "SIGTERM during a 120 s Retry-After wait (stops within 10 s)", 1, prompt);
        assertTrue(prompt, "took " + took + ": " + p.output());
        assertEquals("interrupted", text(dir.resolve("sync.db"), "SELECT status FROM sync_runs ORDER BY run_id DESC LIMIT 1"));
        finish(AppProcess.start(dir, "sync2", config, "once"));
        assertEquals(sim.courses(List.of("all")).size(), scalar(dir.resolve("sync.db"), "SELECT COUNT(*) FROM canvas_courses"));
    }

    @Test
    void aSecondOnceOnTheSameDatabaseFailsFastAndNeverInterleavesWrites() throws Exception {
        startSimulator(CanvasDistrictSize.small());
        // The first run is held mid-run, by one reply that stalls 45 s after its fifth request, until
        // the second has ended, whatever the machine's speed (on PostgreSQL the second meets the first's
        // lease only when its own run begins, after its start-up)
        Map<String, String> config = config("sync.db", 10);
        sim.faults().add(r -> sim.requestLog().size() >= 5, 1, 1.0, Fault.stall(Duration.ofSeconds(45)));
        AppProcess first = AppProcess.start(dir, "first", config, "once");
        while (first.isAlive() && sim.requestLog().size() < 5) {
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        AppProcess second = AppProcess.start(dir, "second", config, "once");
        assertTrue(second.process().waitFor(30, TimeUnit.SECONDS), "the second run waited");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        boolean failedFast = second.process().exitValue() != 0 && second.output().contains("another lms-sync process is syncing")
                && first.isAlive();
        SuiteLedger.record(SuiteLedger.CONCURRENCY, "second once on a DB being synced fails fast with a clear message", 1,
                failedFast);
        assertTrue(failedFast, "exit " + second.process().exitValue() + " after " + ms + " ms: " + second.output());
        finish(first);
        assertEquals(1, scalar(dir.resolve("sync.db"), "SELECT COUNT(*) FROM sync_runs"), "only the first run wrote");
        assertEquals(0, duplicateIdentities(dir.resolve("sync.db")));
    }

    private static void finish(AppProcess p) throws Exception {
        assertEquals(0, p.finish(Duration.ofSeconds(600)).exit(), p.output());
    }

    /** Rows of any canvas table that share an identity with another row (the identity index's columns). */
    private static long duplicateIdentities(Path db) throws SQLException {
        long dups = 0;
        try (Connection c = org.lmssync.TestDb.connect(db); Statement st = c.createStatement()) {
            Map<String, String> identity = new LinkedHashMap<>();
            for (String table : org.lmssync.TestDb.tables(c, "canvas_")) {
                identity.put(table, String.join(", ", org.lmssync.TestDb.indexColumns(c, table, table + "_identity")));
            }
            assertTrue(!identity.isEmpty(), "no canvas tables");
            for (var e : identity.entrySet()) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) - (SELECT COUNT(*) FROM (SELECT DISTINCT " + e.getValue()
                        + " FROM " + e.getKey() + ") AS d) FROM " + e.getKey())) {
                    rs.next();
                    dups += rs.getLong(1);
                }
            }
        }
        return dups;
    }

    private static long scalar(Path db, String sql) throws SQLException {
        return Long.parseLong(text(db, sql));
    }

    private static String text(Path db, String sql) throws SQLException {
        try (Connection c = org.lmssync.TestDb.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
