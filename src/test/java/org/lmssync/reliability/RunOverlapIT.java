package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;

/**
 * {@code run} with schedules that overlap, as the packaged jar: three LMSs syncing at once in one
 * process never share a transaction, and a failure that escapes a resource never leaves its LMS
 * locked. Compared with a reference DB made by syncing each LMS alone.
 */
class RunOverlapIT {
    private static final List<String> LMSS = ThreeLmss.LMSS;
    /** Words that would show one run's transaction being ended by another's, or a route dying. */
    private static final Pattern BROKEN = Pattern.compile("SQLITE_|SQLiteException|no transaction is active"
            + "|FatalFallbackErrorHandler|JobExecutionException");
    @TempDir
    Path dir;
    private final List<AutoCloseable> simulators = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable s : simulators) {
            s.close();
        }
    }

    @Test
    void threeLmssOnTheSameCronSecondEachKeepTheirOwnTransactions() throws Exception {
        LocalDate yearStart = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        CanvasSimulator canvas = add(CanvasSimulator.start(CanvasSimConfig.builder().seed(2026)
                .size(CanvasDistrictSize.medium()).throttling(false).build()));
        GoogleSimulator google = add(GoogleSimulator.start(GoogleSimConfig.builder().seed(2026)
                .size(DistrictSize.medium()).build()));
        SchoologySimulator schoology = add(SchoologySimulator.start(SchoologySimConfig.builder().seed(2026)
                .size(SchoologyDistrictSize.medium()).schoolYearStart(yearStart).noRateLimit().build()));
        Map<String, String> config = ThreeLmss.config(dir, yearStart, canvas, google, schoology);
        config.put("lms.http.max-attempts", "3");
        config.put("lms.canvas.requests-per-second", "1000");

        // the reference: each LMS alone, one after the other
        config.put("lms.db.url", "jdbc:sqlite:" + dir.resolve("alone.db"));
        AppProcess.Outcome alone = AppProcess.start(dir, "alone", config, "once").finish(Duration.ofMinutes(10));
        assertEquals(0, alone.exit(), alone.stdout() + alone.stderr());

        // all three on the same cron second; one Canvas section listing fails in the first round only
        Path db = dir.resolve("overlap.db");
        config.put("lms.db.url", "jdbc:sqlite:" + db);
        for (String lms : LMSS) {
            config.put("lms." + lms + ".schedule", "0/10 * * * * ?");
        }
        // every attempt of one course's section listing (listings run concurrently: one path, not any)
        String faultedPath = "/api/v1/courses/" + canvas.courses(List.of("all")).get(0).get("id").asText() + "/sections";
        Faults.Rule fault = canvas.faults().add(r -> r.path().equals(faultedPath), 3, 1.0, Fault.serverError(500));
        AppProcess p = AppProcess.start(dir, "overlap", config, "run");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        while (System.nanoTime() < deadline && p.isAlive() && finishedRuns(db) < 2) {
            Thread.sleep(250);
        }
        String stoppedAt = Instant.now().toString();
        p.process().destroy();
        assertTrue(p.process().waitFor(60, TimeUnit.SECONDS), "did not stop on SIGTERM");
        String output = p.output();

        List<Map<String, Object>> runs = query(db, "SELECT run_id, lms, status, started_at, finished_at FROM sync_runs ORDER BY run_id");
        Checks checks = new Checks();
        checks.equal(0, p.process().exitValue(), "exit code of run after SIGTERM");
        checks.expect(finishedRuns(db) >= 2, "every LMS finished two runs: " + runs);
        checks.expect(!BROKEN.matcher(output).find(), "the log shows a broken transaction or route: "
                + BROKEN.matcher(output).results().map(m -> m.group()).distinct().toList());
        checks.expect(overlapsAcrossLmss(runs), "runs of different LMSs overlapped in time: " + runs);
        checks.expect(!ThreeLmss.overlapsWithinAnLms(runs), "two runs of one LMS overlapped: " + runs);
        checks.equal(3, fault.fired(), "the injected 500s");
        for (Map<String, Object> r : runs) {
            String status = (String) r.get("status");
            boolean faulted = r.get("lms").equals("canvas") && r.get("run_id").equals(firstRun(runs, "canvas"));
            // a run is interrupted only by the SIGTERM at the end, never while the process went on
            boolean ok = status.equals("succeeded") || faulted && status.equals("failed")
                    || status.equals("interrupted") && String.valueOf(r.get("finished_at")).compareTo(stoppedAt) >= 0;
            checks.expect(ok, "run " + r);
        }
        checks.equal("failed", query(db, "SELECT status FROM sync_run_resources WHERE resource = 'sections' AND run_id = "
                + firstRun(runs, "canvas")).get(0).get("status"), "the faulted Canvas resource in round one");
        for (String lms : LMSS) {
            Map<String, List<String>> expected = DbSnapshot.of(dir.resolve("alone.db"), lms);
            Map<String, List<String>> actual = DbSnapshot.of(db, lms);
            checks.equal(expected.keySet(), actual.keySet(), lms + " tables");
            for (String table : expected.keySet()) {
                checks.expect(expected.get(table).equals(actual.get(table)), table + " differs from the LMS synced alone ("
                        + expected.get(table).size() + " rows alone, " + (actual.get(table) == null ? 0 : actual.get(table).size())
                        + " overlapped)");
            }
        }
        checks.recordAndAssert(SuiteLedger.ISOLATION, "3 LMSs on one cron second, medium, 1 faulted: DB = each alone", runs.size());
    }

    /**
     * Failures where the engine's own bookkeeping fails (in the first run, the DB refuses the error
     * row of a failed listing, inside the error handler, and the end of Canvas's sections) fail
     * that run, close it and release the LMS: the next trigger runs normally.
     */
    @Test
    void aFailureEscapingAResourceNeitherLeavesTheRunOpenNorTheLmsLocked() throws Exception {
        CanvasSimulator canvas = add(CanvasSimulator.start(CanvasSimConfig.builder().seed(7)
                .size(CanvasDistrictSize.small()).throttling(false).build()));
        Path db = dir.resolve("sync.db");
        new org.lmssync.store.SyncDatabase(org.lmssync.store.SqliteDataSources.create("jdbc:sqlite:" + db)).open();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            // injected failures in the engine's own bookkeeping, in the first run only
            st.execute("CREATE TRIGGER injected_error_row_failure BEFORE INSERT ON sync_errors WHEN NEW.run_id = 1"
                    + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
            st.execute("CREATE TRIGGER injected_failure BEFORE UPDATE ON sync_run_resources"
                    + " WHEN NEW.finished_at IS NOT NULL AND NEW.resource = 'sections' AND NEW.run_id = 1"
                    + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        }
        String firstCourse = canvas.courses(List.of("all")).get(0).get("id").asText();
        // one section listing fails in the first run: its error row is what the DB refuses
        canvas.faults().add(r -> r.path().endsWith("/courses/" + firstCourse + "/sections"), 1, 1.0, Fault.notFound());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lms.db.url", "jdbc:sqlite:" + db);
        config.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        config.put("lms.canvas.enabled", "true");
        config.put("lms.canvas.base-url", canvas.baseUrl());
        config.put("lms.canvas.access-token", canvas.accessToken());
        config.put("lms.canvas.requests-per-second", "1000");
        config.put("lms.canvas.schedule", "0/2 * * * * ?");
        AppProcess p = AppProcess.start(dir, "run", config, "run");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()
                && (!Files.exists(db) || count(db, "SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded'") < 1)) {
            Thread.sleep(200);
        }
        p.process().destroy();
        assertTrue(p.process().waitFor(60, TimeUnit.SECONDS), "did not stop on SIGTERM");
        List<Map<String, Object>> runs = query(db, "SELECT run_id, status FROM sync_runs ORDER BY run_id");
        Checks checks = new Checks();
        checks.expect(runs.size() >= 2, "runs: " + runs);
        if (runs.size() >= 2) {
            checks.equal("failed", runs.get(0).get("status"), "the run whose resource could not be closed");
            checks.equal("succeeded", runs.get(1).get("status"), "the next trigger's run");
        }
        checks.equal((long) canvas.sections(Long.parseLong(firstCourse)).size(),
                count(db, "SELECT COUNT(*) FROM canvas_sections WHERE deleted_at IS NULL AND scope = '" + firstCourse + "'"),
                "sections of the course whose listing failed in the first run");
        checks.recordAndAssert(SuiteLedger.ISOLATION, "failure escaping a resource: run closed, next trigger runs",
                runs.size());
    }

    private <T extends AutoCloseable> T add(T simulator) {
        simulators.add(simulator);
        return simulator;
    }

    /** The fewest runs any of the three LMSs has finished (succeeded or failed). */
    private static long finishedRuns(Path db) throws SQLException {
        if (!Files.exists(db)) {
            return 0;
        }
        long least = Long.MAX_VALUE;
        for (String lms : LMSS) {
            least = Math.min(least, count(db, "SELECT COUNT(*) FROM sync_runs WHERE lms = '" + lms
                    + "' AND status IN ('succeeded', 'failed')"));
        }
        return least;
    }

    private static Object firstRun(List<Map<String, Object>> runs, String lms) {
        return runs.stream().filter(r -> r.get("lms").equals(lms)).findFirst().map(r -> r.get("run_id")).orElse(null);
    }

    private static boolean overlapsAcrossLmss(List<Map<String, Object>> runs) {
        for (Map<String, Object> a : runs) {
            for (Map<String, Object> b : runs) {
                if (!a.get("lms").equals(b.get("lms")) && ThreeLmss.overlap(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long count(Path db, String sql) throws SQLException {
        try {
            Object v = query(db, sql).get(0).values().iterator().next();
            return v == null ? 0 : ((Number) v).longValue();
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return 0; // polled while the app is still creating the DB
            }
            throw e;
        }
    }

    private static List<Map<String, Object>> query(Path db, String sql) throws SQLException {
        return org.lmssync.SyncTestSupport.query(db, sql);
    }
}
