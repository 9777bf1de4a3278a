package org.lmssync.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmssync.SyncTestSupport;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;
import org.lmssync.testapi.TestApi;

/** Google end to end: the real routes/google-classroom.yaml against the Google simulator over HTTP. */
class GoogleSyncTest extends SyncTestSupport {
    private static final List<String> PARAMS = List.of("classroom:last_interaction_time", "classroom:num_posts_created",
            "accounts:last_login_time");
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private GoogleSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = GoogleSimulator.start(GoogleSimConfig.builder().seed(11).size(new DistrictSize(5, 6, 2, 4, 20, 4)).build());
        config.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        config.put("lms.testlms.enabled", "false");
        config.put("lms.google.enabled", "true");
        config.put("lms.google.classroom-url", sim.baseUrl());
        config.put("lms.google.reports-url", sim.baseUrl());
        config.put("lms.google.service-account-file", sim.writeServiceAccountKey(dir.resolve("key.json")).toString());
        config.put("lms.google.admin-email", sim.adminEmail());
        config.put("lms.google.requests-per-second", "500");
        config.put("lms.school-year-start", today.minusDays(5).toString());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private int sync() throws Exception {
        config.put("lms.google.resources", "");
        return run("once", "--lms", "google");
    }

    @Test
    void theInitialSyncEqualsTheSimulatorAndANoChangeRerunChangesNothing() throws Exception {
        assertEquals(0, sync(), lastErr);
        assertEquals(asMap(sim.courses(), "id"), stored("google_courses", "id"));
        Map<String, JsonNode> students = new HashMap<>();
        Map<String, JsonNode> teachers = new HashMap<>();
        Map<String, JsonNode> work = new HashMap<>();
        Map<String, JsonNode> subs = new HashMap<>();
        for (JsonNode c : sim.courses()) {
            String id = c.get("id").asText();
            sim.students(id).forEach(s -> students.put(id + "|" + s.get("userId").asText(), s));
            sim.teachers(id).forEach(s -> teachers.put(id + "|" + s.get("userId").asText(), s));
            sim.courseWork(id, List.of("PUBLISHED", "DELETED")).forEach(w -> work.put(id + "|" + w.get("id").asText(), w));
            sim.submissions(id).forEach(s -> subs.put(id + "|" + s.get("courseWorkId").asText() + "|" + s.get("id").asText(), s));
        }
        assertEquals(students, stored("google_students", "course_id || '|' || user_id"));
        assertEquals(teachers, stored("google_teachers", "course_id || '|' || user_id"));
        assertEquals(work, stored("google_coursework", "course_id || '|' || id"));
        assertEquals(subs, stored("google_submissions", "course_id || '|' || course_work_id || '|' || id"));
        Map<String, JsonNode> usage = new HashMap<>();
        for (int d = 5; d >= 0; d--) {
            LocalDate date = today.minusDays(d);
            sim.usage(date, PARAMS).forEach(u -> usage.put(u.at("/entity/profileId").asText() + "|" + date, u));
        }
        assertEquals(usage, stored("google_usage", "profile_id || '|' || as_of_date"));

        List<Map<String, Object>> before = snapshot();
        assertEquals(0, sync(), lastErr);
        assertEquals(before, snapshot());
        Map<String, Object> run = query("SELECT * FROM sync_runs ORDER BY run_id DESC LIMIT 1").get(0);
        assertEquals(0, run.get("inserted"));
        assertEquals(0, run.get("updated"));
        assertEquals(0, run.get("deleted"));
    }

    @Test
    void aChangeSetMovesDatesAndMarksDeletionsWithTheirChildren() throws Exception {
        assertEquals(0, sync(), lastErr);
        List<String> courses = sim.courses().stream().map(c -> c.get("id").asText()).toList();
        String renamed = courses.get(0);
        String gone = courses.get(1);
        String roster = courses.get(2);
        String student = sim.students(roster).get(0).get("userId").asText();
        String teacher = sim.teachers(roster).get(0).get("userId").asText();
        Map<String, Object> before = row("google_courses", "id = '" + renamed + "'");
        Thread.sleep(5);
        sim.applyChanges(c -> {
            c.renameCourse(renamed, "Renamed");
            c.deleteCourse(gone);
            c.removeStudent(roster, student);
            c.removeTeacher(roster, teacher);
        });
        assertEquals(0, sync(), lastErr);
        Map<String, Object> after = row("google_courses", "id = '" + renamed + "'");
        assertEquals(before.get("create_date"), after.get("create_date"));
        assertNotEquals(before.get("last_modified_date"), after.get("last_modified_date"));
        assertTrue(after.get("json").toString().contains("Renamed"));
        assertNotNull(row("google_courses", "id = '" + gone + "'").get("deleted_at"));
        assertNotNull(row("google_students", "course_id = '" + roster + "' AND user_id = '" + student + "'").get("deleted_at"));
        assertNotNull(row("google_teachers", "course_id = '" + roster + "' AND user_id = '" + teacher + "'").get("deleted_at"));
        for (String table : List.of("google_students", "google_teachers", "google_coursework", "google_submissions")) {
            assertEquals(0, scalar("SELECT COUNT(*) FROM " + table + " WHERE course_id = '" + gone + "' AND deleted_at IS NULL"), table);
            assertTrue(scalar("SELECT COUNT(*) FROM " + table + " WHERE course_id = '" + gone + "'") > 0, table);
        }
        assertNull(row("google_courses", "id = '" + roster + "'").get("deleted_at"));
    }

    @Test
    void courseworkStopsAtTheWatermark() throws Exception {
        config.put("lms.google.page-size", "2");
        assertEquals(0, sync(), lastErr);
        long full = countRequests("/courseWork");
        sim.requestLog().clear();
        assertEquals(0, sync(), lastErr);
        long incremental = countRequests("/courseWork");
        assertEquals(sim.courses().size(), incremental);
        assertTrue(incremental < full, incremental + " vs " + full);
        for (RequestLog.Entry e : sim.requestLog().entries(x -> x.path().endsWith("/courseWork"))) {
            assertEquals("updateTime desc", e.params().get("orderBy").get(0));
        }
    }

    @Test
    void usageDatesAreFetchedOnceAndPartialDatesAgain() throws Exception {
        config.put("lms.google.resources", "usage");
        assertEquals(0, run("once", "--lms", "google"), lastErr);
        assertEquals(dates(5, 0), usageDates());
        sim.requestLog().clear();
        assertEquals(0, run("once", "--lms", "google"), lastErr);
        // today is not yet available and the two days before are partial: only those come again
        assertEquals(dates(2, 0), usageDates());
        assertEquals(today.minusDays(3).toString(),
                query("SELECT last_as_of_date FROM sync_state WHERE resource = 'usage'").get(0).get("last_as_of_date"));
    }

    @Test
    void aQuotaExhaustedForAWhileIsWaitedOutWithNothingLost() throws Exception {
        // Full jitter can draw short waits: enough attempts, each wait at most 3 s, outlast a 2.5 s squeeze.
        config.put("lms.http.backoff-base-millis", "300");
        config.put("lms.http.max-attempts", "15");
        config.put("lms.http.max-wait-seconds", "3");
        Thread squeeze = new Thread(() -> {
            try {
                while (sim.requestLog().size() < 10) {
                    Thread.sleep(2);
                }
                sim.setQuotaPerMinute(5);
                Thread.sleep(2500);
                sim.setQuotaPerMinute(0);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        squeeze.start();
        assertEquals(0, sync(), lastErr);
        squeeze.join();
        assertTrue(sim.requestLog().count(e -> e.status() == 429) > 0);
        assertTrue(scalar("SELECT throttled FROM sync_runs") > 0);
        long expected = 0;
        for (JsonNode c : sim.courses()) {
            expected += sim.submissions(c.get("id").asText()).size();
        }
        assertEquals(expected, scalar("SELECT COUNT(*) FROM google_submissions"));
    }

    @Test
    void anExpiredTokenIsRefreshedMidRun() throws Exception {
        Thread expire = new Thread(() -> {
            try {
                while (sim.requestLog().size() < 12) {
                    Thread.sleep(2);
                }
                sim.expireAllTokens();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        expire.start();
        assertEquals(0, sync(), lastErr);
        expire.join();
        assertTrue(sim.issuedTokenCount() >= 2, "tokens issued: " + sim.issuedTokenCount());
        assertTrue(sim.requestLog().count(e -> e.status() == 401) >= 1);
        assertEquals("succeeded", query("SELECT status FROM sync_runs").get(0).get("status"));
    }

    @Test
    void aKeyFileThatCannotBeReadIsAConfigErrorNamingTheKey() throws Exception {
        config.put("lms.google.service-account-file", dir.resolve("nope.json").toString());
        assertEquals(2, sync());
        assertTrue(lastErr.contains("lms.google.service-account-file"), lastErr);
        assertEquals(0, sim.requestLog().size());
    }

    private long countRequests(String suffix) {
        return sim.requestLog().count(e -> e.path().endsWith(suffix));
    }

    private List<LocalDate> usageDates() {
        List<LocalDate> out = new ArrayList<>();
        for (RequestLog.Entry e : sim.requestLog().entries(x -> x.path().contains("/usage/users/all/dates/"))) {
            out.add(LocalDate.parse(e.path().substring(e.path().lastIndexOf('/') + 1)));
        }
        return out;
    }

    private List<LocalDate> dates(int fromDaysAgo, int toDaysAgo) {
        List<LocalDate> out = new ArrayList<>();
        for (int d = fromDaysAgo; d >= toDaysAgo; d--) {
            out.add(today.minusDays(d));
        }
        return out;
    }

    private Map<String, Object> row(String table, String where) throws Exception {
        return query("SELECT * FROM " + table + " WHERE " + where).get(0);
    }

    private List<Map<String, Object>> snapshot() throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String t : List.of("google_courses", "google_students", "google_teachers", "google_coursework",
                "google_submissions", "google_usage")) {
            all.addAll(query("SELECT '" + t + "' AS t, " + org.lmssync.TestDb.rowId() + " AS rowid, json, json_hash, create_date, last_modified_date, deleted_at FROM "
                    + t + " ORDER BY 2"));
        }
        return all;
    }

    private Map<String, JsonNode> stored(String table, String key) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> r : query("SELECT " + key + " AS k, json FROM " + table + " WHERE deleted_at IS NULL")) {
            assertTrue(seen.add(r.get("k").toString()), "duplicate identity " + r.get("k"));
            out.put(r.get("k").toString(), TestApi.JSON.readTree(r.get("json").toString()));
        }
        return out;
    }

    private static Map<String, JsonNode> asMap(List<JsonNode> records, String field) {
        Map<String, JsonNode> out = new HashMap<>();
        records.forEach(r -> out.put(r.get(field).asText(), r));
        return out;
    }
}
