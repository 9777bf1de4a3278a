package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmssync.TestDb;
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
 * Two {@code run} nodes (the packaged jar) on one PostgreSQL sync DB, with their schedules in
 * Quartz's clustered JDBC store there. One node is killed (kill -9) in the middle of a Canvas run;
 * the other resumes it once the run's lease expires. Runs of one LMS never overlap, on either node,
 * and every table ends equal to a reference DB made by syncing each LMS alone.
 */
class ClusterIT {
    private static final List<String> LMSS = ThreeLmss.LMSS;
    @TempDir
    Path dir;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void aNodeKilledMidRunIsResumedByTheOtherAndNoLmsEverRunsTwiceAtOnce() throws Exception {
        assumeTrue(TestDb.postgres(), "the cluster runs on PostgreSQL (the build's postgres pass)");
        LocalDate yearStart = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        CanvasSimulator canvas = add(CanvasSimulator.start(CanvasSimConfig.builder().seed(2026)
                .size(CanvasDistrictSize.medium()).throttling(false).build()));
        GoogleSimulator google = add(GoogleSimulator.start(GoogleSimConfig.builder().seed(2026)
                .size(DistrictSize.small()).build()));
        SchoologySimulator schoology = add(SchoologySimulator.start(SchoologySimConfig.builder().seed(2026)
                .size(SchoologyDistrictSize.small()).schoolYearStart(yearStart).noRateLimit().build()));
        Map<String, String> config = ThreeLmss.config(dir, yearStart, canvas, google, schoology);

        // the reference: each LMS alone, in a database of its own
        config.putAll(TestDb.settings(dir.resolve("alone")));
        config.put("lms.canvas.requests-per-second", "1000");
        AppProcess.Outcome alone = AppProcess.start(dir, "alone", config, "once").finish(Duration.ofMinutes(5));
        assertEquals(0, alone.exit(), alone.stdout() + alone.stderr());

        Path db = dir.resolve("cluster");
        config.putAll(TestDb.settings(db));
        // a Canvas run takes several seconds (about 300 requests at 40/s): long enough to be killed in
        config.put("lms.canvas.requests-per-second", "40");
        config.put("lms.cluster.enabled", "true");
        config.put("lms.cluster.lease-seconds", "6");
        config.put("lms.cluster.checkin-seconds", "2");
        config.put("lms.canvas.schedule", "0/4 * * * * ?");
        config.put("lms.google.schedule", "1/4 * * * * ?");
        config.put("lms.schoology.schedule", "2/4 * * * * ?");
        Map<String, AppProcess> nodes = new LinkedHashMap<>();
        for (String node : List.of("node-a", "node-b")) {
            config.put("lms.cluster.node-id", node);
            nodes.put(node, AppProcess.start(dir, node, config, "run"));
        }

        // kill -9 the node that holds Canvas's lease once its run has committed pages
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String victim = null;
        Object killedRun = null;
        while (System.nanoTime() < deadline && victim == null) {
            List<Map<String, Object>> running = query(db, "SELECT r.run_id, l.owner FROM sync_runs r JOIN sync_leases l"
                    + " ON l.lms = r.lms WHERE r.lms = 'canvas' AND r.status = 'running' AND EXISTS"
                    + " (SELECT 1 FROM sync_run_resources x WHERE x.run_id = r.run_id AND x.pages > 2)");
            if (!running.isEmpty()) {
                String owner = (String) running.get(0).get("owner");
                victim = owner.substring(0, owner.indexOf('/')); // node id, then pid
                killedRun = running.get(0).get("run_id");
                nodes.get(victim).process().destroyForcibly();
                assertTrue(nodes.get(victim).process().waitFor(10, TimeUnit.SECONDS));
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(victim != null, "no Canvas run was seen in progress: " + query(db, "SELECT * FROM sync_runs"));
        String survivor = victim.equals("node-a") ? "node-b" : "node-a";

        // the survivor resumes the killed run, and every LMS syncs again after it
        long killedId = ((Number) killedRun).longValue();
        while (System.nanoTime() < deadline && !resumedAndRoundDone(db, killedId)) {
            Thread.sleep(250);
        }
        AppProcess alive = nodes.get(survivor);
        alive.process().destroy();
        assertTrue(alive.process().waitFor(60, TimeUnit.SECONDS), "the survivor did not stop on SIGTERM");
        String survivorLog = alive.output();

        List<Map<String, Object>> runs = query(db, "SELECT run_id, lms, status, started_at, finished_at FROM sync_runs ORDER BY run_id");
        Checks checks = new Checks();
        checks.expect(resumedAndRoundDone(db, killedId), "the killed run was resumed and every LMS synced after it: " + runs);
        checks.expect(!ThreeLmss.overlapsWithinAnLms(runs), "two runs of one LMS overlapped: " + runs);
        checks.equal("interrupted", query(db, "SELECT status FROM sync_runs WHERE run_id = " + killedId).get(0).get("status"),
                "the run of the killed node");
        checks.expect(survivorLog.contains("it resumes interrupted run(s) [" + killedId),
                "the survivor's log says it resumed run " + killedId);
        for (String lms : LMSS) {
            Map<String, List<String>> expected = DbSnapshot.of(dir.resolve("alone"), lms);
            Map<String, List<String>> actual = DbSnapshot.of(db, lms);
            checks.equal(expected.keySet(), actual.keySet(), lms + " tables");
            for (String table : expected.keySet()) {
                checks.expect(expected.get(table).equals(actual.get(table)), table + " differs from the LMS synced alone ("
                        + expected.get(table).size() + " rows alone, " + (actual.get(table) == null ? 0 : actual.get(table).size())
                        + " in the cluster)");
            }
        }
        System.out.printf("cluster: killed %s in Canvas run %d; %s resumed it; %d runs in all%n", victim, killedId, survivor,
                runs.size());
        checks.recordAndAssert(SuiteLedger.CRASHES, "2 nodes, clustered quartz, kill -9 mid-run: resumed, no overlap, DB = alone",
                runs.size());
    }

    /** Whether a later Canvas run resumed {@code killed} and succeeded, and each LMS succeeded after that one started. */
    private static boolean resumedAndRoundDone(Path db, long killed) throws SQLException {
        List<Map<String, Object>> after = query(db, "SELECT MIN(run_id) AS r FROM sync_runs WHERE lms = 'canvas' AND run_id > "
                + killed + " AND status = 'succeeded'");
        Object resumed = after.isEmpty() ? null : after.get(0).get("r");
        if (resumed == null) {
            return false;
        }
        for (String lms : LMSS) {
            if (count(db, "SELECT COUNT(*) FROM sync_runs WHERE lms = '" + lms + "' AND status = 'succeeded' AND run_id > "
                    + ((Number) resumed).longValue()) == 0 && !lms.equals("canvas")) {
                return false;
            }
        }
        return true;
    }

    private <T extends AutoCloseable> T add(T simulator) {
        closing.add(simulator);
        return simulator;
    }

    private static long count(Path db, String sql) throws SQLException {
        List<Map<String, Object>> rows = query(db, sql);
        Object v = rows.isEmpty() ? null : rows.get(0).values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Rows of {@code sql}; none while the nodes have not yet made the tables. */
    private static List<Map<String, Object>> query(Path db, String sql) throws SQLException {
        try {
            return org.lmssync.SyncTestSupport.query(db, sql);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return List.of();
            }
            throw e;
        }
    }
}
