package org.lmssync.schoology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
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
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;
import org.lmssync.simulator.schoology.TypeMix;
import org.lmssync.testapi.TestApi;

/** Schoology end to end: the real routes/schoology.yaml against the Schoology simulator over HTTP. */
class SchoologySyncTest extends SyncTestSupport {
    private static final List<String> TABLES = List.of("schoology_users", "schoology_courses", "schoology_grading_periods",
            "schoology_sections", "schoology_enrollments", "schoology_assignments", "schoology_submissions",
            "schoology_attendance");
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private SchoologySimulator sim;

    @BeforeEach
    void startSimulator() {
        // One past section among the twelve (seed 7), ids and totals as documented (strings and numbers mixed).
        sim = SchoologySimulator.start(SchoologySimConfig.builder().seed(3).size(SchoologyDistrictSize.small())
                .noRateLimit().build());
        config.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        config.put("lms.testlms.enabled", "false");
        config.put("lms.schoology.enabled", "true");
        config.put("lms.schoology.base-url", sim.apiBaseUrl());
        config.put("lms.schoology.key", sim.consumerKey());
        config.put("lms.schoology.secret", sim.consumerSecret());
        config.put("lms.schoology.requests-per-second", "1000");
        config.put("lms.schoology.page-size", "5");
        config.put("lms.school-year-start", sim.schoolYearStart().toString());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private int sync() throws Exception {
        config.put("lms.schoology.resources", "");
        return run("once", "--lms", "schoology");
    }

    @Test
    void theInitialSyncEqualsTheSimulatorAndANoChangeRerunChangesNothing() throws Exception {
        assertTrue(sim.allSectionIds(true).size() > sim.allSectionIds(false).size(), "the district has a past section");
        assertEquals(0, sync(), lastErr);
        assertEqualsSimulator();
        // stored as it came: Schoology's escaped slashes stay in the json
        assertTrue(query("SELECT json FROM schoology_sections LIMIT 1").get(0).get("json").toString().contains("\\/"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM schoology_sections WHERE retired_at IS NOT NULL"));
        // attendance is one request per section and window, never with a page size
        assertEquals(0, sim.requestLog().count(e -> e.path().endsWith("/attendance") && e.param("limit").isPresent()));

        List<Map<String, Object>> before = snapshot();
        sim.requestLog().clear();
        assertEquals(0, sync(), lastErr);
        assertEquals(before, snapshot());
        Map<String, Object> run = query("SELECT * FROM sync_runs ORDER BY run_id DESC LIMIT 1").get(0);
        assertEquals(0, run.get("inserted"));
        assertEquals(0, run.get("updated"));
        assertEquals(0, run.get("deleted"));
        assertEquals(0, run.get("errors"));
        // the stored dates are not asked for again
        assertEquals(0, sim.requestLog().count(e -> e.path().endsWith("/attendance")));
        // no section went missing, so no deletion check was needed
        assertEquals(0, sim.requestLog().count(e -> e.param("include_past").isPresent()));
    }

    @Test
    void aChangeSetProducesTheRightInsertsUpdatesAndDeletes() throws Exception {
        assertEquals(0, sync(), lastErr);
        long course = sim.courseIds().get(0);
        long section = sim.sectionIds(course, false).get(0);
        List<Long> assignments = sim.assignmentIds(section);
        long edited = assignments.get(0);
        long gone = assignments.get(1);
        JsonNode enrollment = sim.enrollments(section).get(3);
        long leaver = sim.users().get(5).get("id").asLong();
        long renamed = sim.users().get(6).get("id").asLong();
        long submitter = sim.enrollments(section).get(sim.enrollments(section).size() - 1).get("uid").asLong();
        JsonNode dropped = sim.submissions(section, edited).get(0);
        Map<String, Object> courseBefore = row("schoology_courses", "id = '" + course + "'");
        Thread.sleep(5);
        long[] added = sim.applyChangesAndGet(c -> {
            long user = c.addUser("Ada", "Lovelace", false);
            long newCourse = c.addCourse("Robotics");
            long newSection = c.addSection(newCourse, "Robotics 1");
            c.addEnrollment(newSection, user);
            c.renameCourse(course, "Renamed course");
            c.renameUser(renamed, "Grace", "Hopper");
            c.deactivateUser(leaver);
            c.editAssignment(section, edited, "Revised", 50);
            c.deleteAssignment(section, gone);
            c.deleteEnrollment(section, enrollment.get("id").asLong());
            c.deleteSubmission(section, edited, dropped.get("uid").asLong());
            c.submit(section, edited, submitter);
            return new long[] {user, newCourse, newSection};
        });
        assertEquals(0, sync(), lastErr);
        assertEqualsSimulator();
        Map<String, Object> courseAfter = row("schoology_courses", "id = '" + course + "'");
        assertEquals(courseBefore.get("create_date"), courseAfter.get("create_date"));
        assertNotEquals(courseBefore.get("last_modified_date"), courseAfter.get("last_modified_date"));
        assertNotNull(row("schoology_users", "id = '" + leaver + "'").get("deleted_at"));
        assertNotNull(row("schoology_assignments", "id = '" + gone + "'").get("deleted_at"));
        assertTrue(scalar("SELECT COUNT(*) FROM schoology_submissions WHERE grade_item_id = '" + gone + "'") > 0);
        assertEquals(0, scalar("SELECT COUNT(*) FROM schoology_submissions WHERE grade_item_id = '" + gone
                + "' AND deleted_at IS NULL"), "the deleted assignment's submissions are deleted with it");
        assertNotNull(row("schoology_enrollments", "id = '" + enrollment.get("id").asText() + "'").get("deleted_at"));
        assertNotNull(row("schoology_submissions", "grade_item_id = '" + edited + "' AND uid = '"
                + dropped.get("uid").asText() + "'").get("deleted_at"));
        assertNull(row("schoology_sections", "id = '" + added[2] + "'").get("deleted_at"));
        Map<String, Object> run = query("SELECT * FROM sync_runs ORDER BY run_id DESC LIMIT 1").get(0);
        // user, course, section, 2 enrollments (teacher-less: the student only) and the new submission
        assertEquals(5L, ((Number) run.get("inserted")).longValue(), run.toString());
        // renamed course, renamed user (and its enrollments in other sections), the edited assignment,
        // sections of the renamed course (course_title)
        assertTrue(((Number) run.get("updated")).longValue() >= 4, run.toString());
        // deactivated user, assignment, enrollment, submission (the assignment's submissions cascade)
        assertEquals(4L, ((Number) run.get("deleted")).longValue(), run.toString());
    }

    @Test
    void aSectionMovedToThePastIsRetiredNotDeletedAndAHardDeletedOneGoesWithItsChildren() throws Exception {
        assertEquals(0, sync(), lastErr);
        long course = sim.courseIds().get(1);
        List<Long> sections = sim.sectionIds(course, false);
        long past = sections.get(0);
        long deleted = sections.get(1);
        Map<String, Long> pastChildren = children(past);
        Map<String, Long> deletedChildren = children(deleted);
        assertTrue(pastChildren.values().stream().allMatch(n -> n > 0), pastChildren.toString());
        sim.applyChanges(c -> {
            c.moveSectionToPastGradingPeriod(past);
            c.deleteSection(deleted);
        });
        sim.requestLog().clear();
        assertEquals(0, sync(), lastErr);

        Map<String, Object> retired = row("schoology_sections", "id = '" + past + "'");
        assertNull(retired.get("deleted_at"));
        assertNotNull(retired.get("retired_at"));
        assertEquals(pastChildren, children(past), "a past section's children stay live");
        assertNotNull(row("schoology_sections", "id = '" + deleted + "'").get("deleted_at"));
        assertNull(row("schoology_sections", "id = '" + deleted + "'").get("retired_at"));
        assertEquals(Map.of("schoology_enrollments", 0L, "schoology_assignments", 0L, "schoology_submissions", 0L,
                "schoology_attendance", 0L), children(deleted), "a deleted section's children are deleted");
        assertEquals(deletedChildren.get("schoology_assignments"),
                scalar("SELECT COUNT(*) FROM schoology_assignments WHERE section_id = '" + deleted + "' AND deleted_at IS NOT NULL"));
        // the check listing asked with include_past=1; nothing of the past section is listed any more
        assertTrue(sim.requestLog().count(e -> e.path().endsWith("/courses/" + course + "/sections")
                && "1".equals(e.param("include_past").orElse(null))) >= 1);
        assertEquals(0, sim.requestLog().count(e -> e.path().startsWith("/v1/sections/" + past + "/")));
        assertEquals(1L, ((Number) lastResourceRun("sections").get("deleted")).longValue());

        // a later run keeps the retirement as it was
        Object retiredAt = retired.get("retired_at");
        assertEquals(0, sync(), lastErr);
        assertEquals(retiredAt, row("schoology_sections", "id = '" + past + "'").get("retired_at"));
        assertEquals(pastChildren, children(past));
    }

    @Test
    void attendanceWindowsRespectTheMaximumAndStoredDatesAreNotAskedForAgain() throws Exception {
        LocalDate start = sim.schoolYearStart();
        LocalDate firstEnd = start.plusDays(44);
        LocalDate secondEnd = today.minusDays(1);
        config.put("lms.max-window-days", "10");
        config.put("lms.end-date", firstEnd.toString());
        assertEquals(0, sync(), lastErr);
        assertWindows(start, firstEnd);
        assertEquals(attendanceTruth(start, firstEnd), stored("schoology_attendance", "section_id || '|' || enrollment_id || '|' || date"));

        sim.requestLog().clear();
        config.put("lms.end-date", secondEnd.toString());
        assertEquals(0, sync(), lastErr);
        assertWindows(firstEnd.plusDays(1), secondEnd);
        assertEquals(attendanceTruth(start, secondEnd), stored("schoology_attendance", "section_id || '|' || enrollment_id || '|' || date"));
        for (Map<String, Object> r : query("SELECT date, as_of_date FROM schoology_attendance")) {
            assertEquals(r.get("date"), r.get("as_of_date"));
        }
    }

    @Test
    void aWrongSecretFailsFastWithOneRejectedRequestAndNoSecretAnywhere() throws Exception {
        String wrong = "wrong-secret-4f2a9c";
        config.put("lms.schoology.secret", wrong);
        assertEquals(1, sync());
        assertEquals(1, sim.requestLog().size());
        assertEquals(401, sim.requestLog().entries().get(0).status());
        String error = lastResourceRun("users").get("error").toString();
        assertTrue(error.contains("HTTP 401") && error.contains("lms.schoology."), error);
        assertTrue(lastResourceRun("courses").get("error").toString().contains("credentials were rejected"));
        assertEquals("failed", query("SELECT status FROM sync_runs").get(0).get("status"));
        assertFalse((lastOut + lastErr).contains(wrong));
        for (String t : List.of("sync_runs", "sync_run_resources", "sync_errors", "sync_state")) {
            for (Map<String, Object> r : query("SELECT * FROM " + t)) {
                assertFalse(r.toString().contains(wrong), t);
            }
        }
    }

    @Test
    void a429StormIsWaitedOutWithNothingLost() throws Exception {
        Thread storm = new Thread(() -> {
            try {
                while (sim.requestLog().size() < 20) {
                    Thread.sleep(2);
                }
                sim.setRateLimit(4, Duration.ofSeconds(1), 1);
                Thread.sleep(2500);
                sim.setRateLimit(0, Duration.ofSeconds(1), 1);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        storm.start();
        assertEquals(0, sync(), lastErr);
        storm.join();
        assertTrue(sim.requestLog().count(e -> e.status() == 429) > 0);
        Map<String, Object> run = query("SELECT * FROM sync_runs").get(0);
        assertTrue(((Number) run.get("throttled")).longValue() > 0, run.toString());
        assertTrue(((Number) run.get("throttle_wait_ms")).longValue() >= 1000, run.toString());
        assertEqualsSimulator();
    }

    @Test
    void idsAndTotalsAsStringsOrNumbersGiveTheSameIdentities() throws Exception {
        sim.close();
        sim = start(TypeMix.STRINGS);
        assertEquals(0, sync(), lastErr);
        long rows = totalRows();
        // a DB made before retired_at existed gets the column on the next run
        exec("ALTER TABLE schoology_sections DROP COLUMN retired_at");
        sim.close();
        sim = start(TypeMix.NUMBERS);
        config.put("lms.schoology.base-url", sim.apiBaseUrl());
        assertEquals(0, sync(), lastErr);
        Map<String, Object> run = query("SELECT * FROM sync_runs ORDER BY run_id DESC LIMIT 1").get(0);
        assertEquals(0, run.get("inserted"), run.toString());
        assertEquals(0, run.get("deleted"), run.toString());
        assertEquals(rows, totalRows());
        assertEqualsSimulator(false);
        assertEquals(0, scalar("SELECT COUNT(*) FROM schoology_sections WHERE retired_at IS NOT NULL"));
        assertTrue(query("SELECT json FROM schoology_sections LIMIT 1").get(0).get("json").toString().matches(".*\"id\":\\d.*"));
    }

    private SchoologySimulator start(TypeMix types) {
        SchoologySimulator s = SchoologySimulator.start(SchoologySimConfig.builder().seed(3).size(SchoologyDistrictSize.small())
                .idTypes(types).totalTypes(types).consumerKey(sim.consumerKey()).consumerSecret(sim.consumerSecret())
                .noRateLimit().build());
        config.put("lms.schoology.base-url", s.apiBaseUrl());
        return s;
    }

    private long totalRows() throws Exception {
        long n = 0;
        for (String t : TABLES) {
            n += scalar("SELECT COUNT(*) FROM " + t);
        }
        return n;
    }

    // ---- truth ----

    private void assertEqualsSimulator() throws Exception {
        assertEqualsSimulator(true);
    }

    /** @param attendanceJson false: attendance identities only (stored dates are never fetched again) */
    private void assertEqualsSimulator(boolean attendanceJson) throws Exception {
        assertEquals(asMap(sim.users(), "id"), stored("schoology_users", "id"));
        assertEquals(asMap(sim.courses(), "id"), stored("schoology_courses", "id"));
        assertEquals(asMap(sim.gradingPeriods(), "id"), stored("schoology_grading_periods", "id"));
        Map<String, JsonNode> sections = new HashMap<>();
        Map<String, JsonNode> enrollments = new HashMap<>();
        Map<String, JsonNode> assignments = new HashMap<>();
        Map<String, JsonNode> submissions = new HashMap<>();
        for (long course : sim.courseIds()) {
            for (JsonNode s : sim.sections(course)) {
                sections.put(s.get("id").asText(), s);
                long id = s.get("id").asLong();
                sim.enrollments(id).forEach(e -> enrollments.put(id + "|" + e.get("id").asText(), e));
                for (JsonNode a : sim.assignments(id)) {
                    assignments.put(id + "|" + a.get("id").asText(), a);
                    long item = a.get("id").asLong();
                    sim.submissions(id, item).forEach(r -> submissions.put(id + "|" + item + "|" + r.get("uid").asText(), r));
                }
            }
        }
        assertEquals(sections, stored("schoology_sections", "id"));
        assertEquals(enrollments, stored("schoology_enrollments", "section_id || '|' || id"));
        assertEquals(assignments, stored("schoology_assignments", "section_id || '|' || id"));
        assertEquals(submissions, stored("schoology_submissions", "section_id || '|' || grade_item_id || '|' || uid"));
        Map<String, JsonNode> attendance = attendanceTruth(sim.schoolYearStart(), today);
        Map<String, JsonNode> storedAttendance = stored("schoology_attendance", "section_id || '|' || enrollment_id || '|' || date");
        if (attendanceJson) {
            assertEquals(attendance, storedAttendance);
        } else {
            assertEquals(attendance.keySet(), storedAttendance.keySet());
        }
    }

    private Map<String, JsonNode> attendanceTruth(LocalDate from, LocalDate to) {
        Map<String, JsonNode> out = new HashMap<>();
        for (long section : sim.allSectionIds(false)) {
            sim.attendanceEntries(section, from, to)
                    .forEach(a -> out.put(section + "|" + a.get("enrollment_id").asText() + "|" + a.get("date").asText(), a));
        }
        return out;
    }

    /** Every attendance request of the run: contiguous windows of at most 10 days covering [from, to]. */
    private void assertWindows(LocalDate from, LocalDate to) {
        Map<String, List<RequestLog.Entry>> bySection = new HashMap<>();
        for (RequestLog.Entry e : sim.requestLog().entries(x -> x.path().endsWith("/attendance"))) {
            bySection.computeIfAbsent(e.path(), k -> new ArrayList<>()).add(e);
        }
        assertEquals(sim.allSectionIds(false).size(), bySection.size());
        for (List<RequestLog.Entry> requests : bySection.values()) {
            LocalDate expected = from;
            for (RequestLog.Entry e : requests) {
                assertFalse(e.param("limit").isPresent(), e.rawQuery());
                LocalDate start = LocalDate.parse(e.param("start").orElseThrow());
                LocalDate end = LocalDate.parse(e.param("end").orElseThrow());
                assertEquals(expected, start, e.rawQuery());
                assertTrue(!end.isBefore(start) && end.toEpochDay() - start.toEpochDay() < 10, e.rawQuery());
                expected = end.plusDays(1);
            }
            assertEquals(to.plusDays(1), expected);
        }
    }

    /** Live child rows of a section, per table. */
    private Map<String, Long> children(long section) throws Exception {
        Map<String, Long> out = new HashMap<>();
        for (String t : List.of("schoology_enrollments", "schoology_assignments", "schoology_submissions", "schoology_attendance")) {
            out.put(t, scalar("SELECT COUNT(*) FROM " + t + " WHERE section_id = '" + section + "' AND deleted_at IS NULL"));
        }
        return out;
    }

    private Map<String, Object> row(String table, String where) throws Exception {
        return query("SELECT * FROM " + table + " WHERE " + where).get(0);
    }

    private List<Map<String, Object>> snapshot() throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String t : TABLES) {
            all.addAll(query("SELECT '" + t + "' AS t, " + org.lmssync.TestDb.rowId() + " AS rowid, json, json_hash, create_date, last_modified_date, deleted_at,"
                    + " retired_at FROM " + t + " ORDER BY 2"));
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
