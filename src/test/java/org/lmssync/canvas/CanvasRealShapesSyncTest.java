package org.lmssync.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmssync.SyncTestSupport;
import org.lmssync.engine.run.Times;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;
import org.lmssync.testapi.TestApi;

/**
 * The product on the shapes real Canvas sends (issue 17): wide ids, integers for whole points,
 * nulls and omitted keys, email only on request, offsets that change with daylight saving, and
 * deleted users under either behaviour of include_deleted_users.
 */
class CanvasRealShapesSyncTest extends SyncTestSupport {
    private CanvasSimulator sim;

    private void start(CanvasSimConfig.Builder config) {
        sim = CanvasSimulator.start(config.seed(11).size(CanvasDistrictSize.small()).throttling(false).build());
        this.config.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        this.config.put("lms.testlms.enabled", "false");
        this.config.put("lms.canvas.enabled", "true");
        this.config.put("lms.canvas.base-url", sim.baseUrl());
        this.config.put("lms.canvas.access-token", sim.accessToken());
        this.config.put("lms.canvas.requests-per-second", "1000");
        this.config.put("lms.canvas.resources", "courses,sections,enrollments,users,assignments,submissions");
    }

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private int sync() throws Exception {
        return run("once", "--lms", "canvas");
    }

    @Test
    void usersAreAskedForWithTheirEmailAndStoredAsTheSimulatorListsThem() throws Exception {
        start(CanvasSimConfig.builder());
        assertEquals(0, sync(), lastErr);
        List<RequestLog.Entry> users = sim.requestLog().entries(e -> e.path().endsWith("/accounts/self/users"));
        assertFalse(users.isEmpty());
        for (RequestLog.Entry e : users) {
            assertTrue(e.params().getOrDefault("include[]", List.of()).contains("email"), e.rawQuery());
        }
        Map<String, JsonNode> stored = stored("canvas_users");
        assertEquals(byId(sim.users(false, true)), stored);
        assertTrue(stored.values().stream().allMatch(u -> u.get("email").asText().contains("@")));
    }

    @Test
    void wideIdsAreStoredAsTheirExactTextAndWholePointsKeepTheirIntegerForm() throws Exception {
        start(CanvasSimConfig.builder());
        assertEquals(0, sync(), lastErr);
        // ids past 10^9 (enrollments) and past 2^32 (submissions), all stored as text, none rounded
        assertEquals(0, scalar("SELECT COUNT(*) FROM canvas_enrollments WHERE typeof(id) <> 'text'"));
        assertTrue(scalar("SELECT COUNT(*) FROM canvas_enrollments WHERE CAST(id AS INTEGER) > 1000000000") > 0);
        assertTrue(scalar("SELECT COUNT(*) FROM canvas_submissions WHERE length(id) >= 11") > 0);
        assertEquals(0, scalar("SELECT COUNT(*) FROM canvas_submissions WHERE id <> CAST(json_extract(json, '$.id') AS TEXT)"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM canvas_assignments WHERE json_type(json, '$.points_possible') = 'real'"
                + " AND json_extract(json, '$.points_possible') = CAST(json_extract(json, '$.points_possible') AS INTEGER)"));
        assertTrue(scalar("SELECT COUNT(*) FROM canvas_assignments WHERE json_type(json, '$.points_possible') = 'integer'") > 0);
        assertEquals(0, scalar("SELECT COUNT(*) FROM sync_errors"));
        // the forms are stable: a re-run finds nothing changed
        assertEquals(0, sync(), lastErr);
        Map<String, Object> run = query("SELECT * FROM sync_runs ORDER BY run_id DESC LIMIT 1").get(0);
        assertEquals(0, run.get("updated"));
        assertEquals(0, run.get("deleted"));
    }

    @Test
    void nullsAndOmittedKeysAreStoredAsSentAndNestedDataRoundTrips() throws Exception {
        start(CanvasSimConfig.builder().readSis(false).viewLoginIds(false));
        assertEquals(0, sync(), lastErr);
        assertEquals(0, scalar("SELECT COUNT(*) FROM sync_errors"));
        assertEquals(byId(sim.users(false, true)), stored("canvas_users"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM canvas_users WHERE json_type(json, '$.sis_user_id') IS NOT NULL"
                + " OR json_type(json, '$.login_id') IS NOT NULL"));
        assertTrue(scalar("SELECT COUNT(*) FROM canvas_courses WHERE json_type(json, '$.is_public') = 'null'") > 0);
        assertTrue(scalar("SELECT COUNT(*) FROM canvas_assignments WHERE json_type(json, '$.description') = 'null'") > 0);
        assertTrue(scalar("SELECT COUNT(*) FROM canvas_assignments WHERE json_type(json, '$.lock_info') = 'object'") > 0);
        assertTrue(scalar("SELECT COUNT(*) FROM canvas_submissions WHERE json_type(json, '$.attachments') = 'array'") > 0);
        assertEquals(0, scalar("SELECT COUNT(*) FROM canvas_submissions WHERE json_type(json, '$.excused') <> 'null'"));
        assertTrue(scalar("SELECT COUNT(*) FROM canvas_enrollments WHERE json_type(json, '$.grades.unposted_final_score') IS NOT NULL") > 0);
        Map<String, JsonNode> submissions = new HashMap<>();
        for (long course : sim.allCourseIds()) {
            submissions.putAll(byId(sim.submissions(course, null, null)));
        }
        assertEquals(submissions, stored("canvas_submissions"));
    }

    @Test
    void userCreationTimesWithEitherDaylightSavingOffsetAreStoredInUtc() throws Exception {
        start(CanvasSimConfig.builder());
        assertEquals(0, sync(), lastErr);
        int summer = 0;
        int winter = 0;
        for (Map<String, Object> r : query("SELECT json_extract(json, '$.created_at') AS at, source_create_date FROM canvas_users")) {
            String at = r.get("at").toString();
            summer += at.endsWith("-05:00") ? 1 : 0;
            winter += at.endsWith("-06:00") ? 1 : 0;
            assertEquals(Times.format(OffsetDateTime.parse(at).toInstant()), r.get("source_create_date"), at);
        }
        assertTrue(summer > 0 && winter > 0, summer + " summer, " + winter + " winter offsets");
    }

    @Test
    void aUserDeletedUpstreamGetsDeletedAtOnceWhenCanvasListsDeletedUsersMarked() throws Exception {
        aUserDeletedUpstreamGetsDeletedAtOnce(CanvasSimConfig.builder().listDeletedUsers(true).markDeletedUsers(true));
    }

    @Test
    void aUserDeletedUpstreamGetsDeletedAtOnceWhenCanvasLeavesDeletedUsersOut() throws Exception {
        aUserDeletedUpstreamGetsDeletedAtOnce(CanvasSimConfig.builder().listDeletedUsers(false));
    }

    private void aUserDeletedUpstreamGetsDeletedAtOnce(CanvasSimConfig.Builder config) throws Exception {
        start(config.deletedUserShare(0.1));
        assertEquals(0, sync(), lastErr);
        assertFalse(sim.deletedUserIds().isEmpty());
        for (long id : sim.deletedUserIds()) {
            assertEquals(0, scalar("SELECT COUNT(*) FROM canvas_users WHERE id = '" + id + "' AND deleted_at IS NULL"),
                    "user " + id + " was deleted before the first sync");
        }
        long gone = sim.users(false).get(0).get("id").asLong();
        sim.applyChanges(c -> c.deleteUser(gone));
        assertEquals(0, sync(), lastErr);
        Object deletedAt = query("SELECT deleted_at FROM canvas_users WHERE id = '" + gone + "'").get(0).get("deleted_at");
        assertNotNull(deletedAt, "a user deleted upstream is marked deleted");
        assertEquals(1, lastResourceRun("users").get("deleted"));
        assertEquals(0, sync(), lastErr);
        assertEquals(deletedAt, query("SELECT deleted_at FROM canvas_users WHERE id = '" + gone + "'").get(0).get("deleted_at"),
                "marked once: a later run leaves the mark as it was");
        assertEquals(0, lastResourceRun("users").get("deleted"));
        assertEquals(1, scalar("SELECT COUNT(*) FROM canvas_users WHERE id = '" + gone + "'"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM canvas_users WHERE deleted_at IS NULL"
                + " AND json_extract(json, '$.workflow_state') = 'deleted'"));
    }

    private Map<String, JsonNode> stored(String table) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (Map<String, Object> r : query("SELECT id, json FROM " + table + " WHERE deleted_at IS NULL")) {
            assertEquals(null, out.put(r.get("id").toString(), TestApi.JSON.readTree(r.get("json").toString())));
        }
        return out;
    }

    private static Map<String, JsonNode> byId(List<JsonNode> records) {
        Map<String, JsonNode> out = new HashMap<>();
        records.forEach(r -> out.put(r.get("id").asText(), r));
        return out;
    }
}
