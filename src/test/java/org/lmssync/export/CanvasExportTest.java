package org.lmssync.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.canvas.CanvasSimulator;

/** The small Canvas demo district, exported, changed, a course deleted and restored, exported again. */
class CanvasExportTest extends ExportTestSupport {
    private static final Set<String> SECTION_FILES = Set.of("section-associations", "assignments");
    private static final String SECTIONS = "SELECT s.id, s.scope AS course_id FROM canvas_sections s JOIN canvas_courses c"
            + " ON c.id = s.scope WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL"
            + " AND json_extract(c.json, '$.workflow_state') IN ('available', 'completed')";
    private static final String STUDENTS = "SELECT e.id, e.scope AS section_id, json_extract(e.json, '$.user_id') AS user_id"
            + " FROM canvas_enrollments e JOIN canvas_users u ON u.id = CAST(json_extract(e.json, '$.user_id') AS TEXT)"
            + " WHERE e.deleted_at IS NULL AND u.deleted_at IS NULL AND json_extract(e.json, '$.type') = 'StudentEnrollment'"
            + " AND json_extract(e.json, '$.enrollment_state') <> 'deleted'"
            + " AND COALESCE(json_extract(u.json, '$.workflow_state'), '') <> 'deleted'"
            + " AND e.scope IN (SELECT id FROM (" + SECTIONS + "))";
    private static final String ASSIGNMENTS = "SELECT course_id, id FROM canvas_assignments WHERE deleted_at IS NULL"
            + " AND COALESCE(json_extract(json, '$.workflow_state'), '') <> 'deleted'";

    @Test
    void theDemoDistrictLoadsAsEdFiWouldAndDeletionsAndReturnsReachTheLoader() throws Exception {
        CanvasSimulator canvas = start("canvas", CanvasSimulator.class);
        // with the optional auth_events resource, which the export turns into system activities
        config.put("lms.canvas.resources", "courses,sections,enrollments,users,assignments,submissions,auth_events");
        config.put("lms.school-year-start", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3).toString());
        sync();
        LoaderContract.Tree first = export("Canvas", SECTION_FILES);
        checkAgainstSyncDb(first);

        canvas.applyDemoChanges();
        sync();
        LoaderContract.Tree second = export("Canvas", SECTION_FILES);
        checkAgainstSyncDb(second);
        Set<String> deletedSections = set("SELECT id FROM canvas_sections WHERE deleted_at IS NOT NULL");
        assertFalse(deletedSections.isEmpty(), "the change set deleted a section");
        for (String s : deletedSections) {
            assertTrue(first.ssis("sections").contains(s));
            assertFalse(second.ssis("sections").contains(s), s + " is gone from the new sections file");
        }
        Set<String> deletedAssignments = set("SELECT id FROM canvas_assignments WHERE deleted_at IS NOT NULL");
        assertFalse(deletedAssignments.isEmpty());
        for (Map<String, String> a : second.rows("assignments")) {
            String id = a.get("SourceSystemIdentifier");
            assertFalse(deletedAssignments.contains(id.substring(id.indexOf('-') + 1)), id + " was deleted");
        }

        // a course is deleted (its sections leave the export) and restored: its unchanged sections come back
        String course = rows("SELECT course_id FROM (" + SECTIONS + ") LIMIT 1").get(0).get("course_id").toString();
        Set<String> itsSections = set("SELECT id FROM (" + SECTIONS + ") WHERE course_id = '" + course + "'");
        canvas.applyChanges(c -> c.setCourseState(Long.parseLong(course), "deleted"));
        sync();
        LoaderContract.Tree third = export("Canvas", SECTION_FILES);
        checkAgainstSyncDb(third);
        itsSections.forEach(s -> assertFalse(third.ssis("sections").contains(s), s + " left with its course"));
        canvas.applyChanges(c -> c.setCourseState(Long.parseLong(course), "available"));
        sync();
        LoaderContract.Tree fourth = export("Canvas", SECTION_FILES);
        checkAgainstSyncDb(fourth);
        for (String s : itsSections) {
            String dbDate = rows("SELECT last_modified_date FROM canvas_sections WHERE id = '" + s + "'").get(0)
                    .get("last_modified_date").toString();
            assertEquals(udmDate(dbDate), second.bySsi("sections").get(s).get("LastModifiedDate"), "unchanged in the sync DB");
            String now = fourth.bySsi("sections").get(s).get("LastModifiedDate");
            assertTrue(now.compareTo(second.bySsi("sections").get(s).get("LastModifiedDate")) > 0, s + " came back with " + now);
        }
    }

    private void checkAgainstSyncDb(LoaderContract.Tree t) throws Exception {
        assertEquals(set("SELECT id FROM (" + SECTIONS + ")"), t.ssis("sections"));
        assertEquals(set("SELECT DISTINCT CAST(user_id AS TEXT) FROM (" + STUDENTS + ")"), t.ssis("users"));
        t.rows("users").forEach(u -> assertEquals("Student", u.get("UserRole")));
        assertEquals(set("SELECT id FROM (" + STUDENTS + ")"), t.ssis("section-associations"));
        assertEquals(set("SELECT s.id || '-' || a.id FROM (" + SECTIONS + ") s JOIN (" + ASSIGNMENTS + ") a"
                + " ON a.course_id = s.course_id"), t.ssis("assignments"));
        for (Map<String, String> a : t.rows("assignments")) {
            assertEquals("Assignment", a.get("AssignmentCategory"));
            assertTrue(a.get("SubmissionType").matches("\\['[a-z_]+'(, '[a-z_]+')*\\]|"), a.get("SubmissionType"));
        }
        assertEquals(set("SELECT DISTINCT sb.id FROM canvas_submissions sb JOIN (" + STUDENTS + ") st"
                + " ON CAST(st.user_id AS TEXT) = CAST(json_extract(sb.json, '$.user_id') AS TEXT)"
                + " JOIN (" + SECTIONS + ") s ON s.id = st.section_id"
                + " JOIN (" + ASSIGNMENTS + ") a ON a.course_id = s.course_id"
                + " AND a.id = CAST(json_extract(sb.json, '$.assignment_id') AS TEXT) WHERE sb.deleted_at IS NULL"),
                t.ssis("submissions"));
        for (Map<String, String> s : t.rows("submissions")) {
            assertTrue(Set.of("late", "missing", "graded", "Upcoming", "on-time").contains(s.get("SubmissionStatus")), s.toString());
        }
        Set<String> signIns = set("SELECT CASE json_extract(json, '$.event_type') WHEN 'login' THEN 'in' ELSE 'out' END"
                + " || '#' || json_extract(json, '$.links.user') || '#' || json_extract(json, '$.created_at')"
                + " FROM canvas_auth_events WHERE deleted_at IS NULL AND CAST(json_extract(json, '$.links.user') AS TEXT)"
                + " IN (SELECT CAST(user_id AS TEXT) FROM (" + STUDENTS + "))");
        assertFalse(signIns.isEmpty(), "the simulator has sign-ins of students");
        assertEquals(signIns, t.ssis("system-activities"));
    }
}
