package org.lmssync.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.google.GoogleSimulator;

/** The small Google demo district, exported, changed, exported again. */
class GoogleExportTest extends ExportTestSupport {
    private static final Set<String> SECTION_FILES = Set.of("section-associations", "assignments", "section-activities");
    private static final String COURSES = "SELECT id FROM google_courses WHERE deleted_at IS NULL"
            + " AND json_extract(json, '$.courseState') IN ('ACTIVE', 'ARCHIVED')";
    private static final String WORK = "SELECT course_id, id FROM google_coursework WHERE deleted_at IS NULL"
            + " AND json_extract(json, '$.state') <> 'DELETED' AND course_id IN (" + COURSES + ")";

    @Test
    void theDemoDistrictLoadsAsEdFiWouldAndDeletionsAndReturnsReachTheLoader() throws Exception {
        GoogleSimulator google = start("google", GoogleSimulator.class);
        sync();
        LoaderContract.Tree first = export("Google", SECTION_FILES);
        checkAgainstSyncDb(first);

        google.applyDemoChanges();
        sync();
        LoaderContract.Tree second = export("Google", SECTION_FILES);
        assertTrue(second.stamp().compareTo(first.stamp()) > 0, "the new files sort after the old ones");
        checkAgainstSyncDb(second);
        Set<String> deletedCourses = set("SELECT id FROM google_courses WHERE deleted_at IS NOT NULL");
        assertFalse(deletedCourses.isEmpty(), "the change set deleted a course");
        for (String c : deletedCourses) {
            assertTrue(first.ssis("sections").contains(c), c + " was exported before");
            assertFalse(second.ssis("sections").contains(c), c + " is gone from the new sections file");
            assertFalse(second.scopes("assignments").contains(c), c + " has no folder in the new export");
        }
        // a student removed from a course that is still there: the association leaves that course's file
        Map<String, Object> removed = rows("SELECT course_id, user_id, last_modified_date FROM google_students"
                + " WHERE deleted_at IS NOT NULL AND course_id IN (" + COURSES + ")").get(0);
        String association = removed.get("user_id") + "-" + removed.get("course_id");
        assertTrue(first.ssis("section-associations").contains(association));
        assertFalse(second.files().get("section-associations").get(removed.get("course_id").toString()).rows().stream()
                .anyMatch(r -> r.get("SourceSystemIdentifier").equals(association)), association + " is left out");

        // the student comes back unchanged: the sync DB keeps the old last_modified_date ...
        google.applyChanges(c -> c.addStudent(removed.get("course_id").toString(), removed.get("user_id").toString()));
        sync();
        Map<String, Object> back = rows("SELECT deleted_at, last_modified_date FROM google_students WHERE course_id = '"
                + removed.get("course_id") + "' AND user_id = '" + removed.get("user_id") + "'").get(0);
        assertNull(back.get("deleted_at"));
        assertEquals(removed.get("last_modified_date"), back.get("last_modified_date"));
        LoaderContract.Tree third = export("Google", SECTION_FILES);
        checkAgainstSyncDb(third);
        // ... so the export moves LastModifiedDate past the date the loader stored, or it would stay soft-deleted
        String before = first.bySsi("section-associations").get(association).get("LastModifiedDate");
        String now = third.bySsi("section-associations").get(association).get("LastModifiedDate");
        assertTrue(now.compareTo(before) > 0, association + ": " + now + " after " + before);
        // a record that never left keeps its date: the loader changes nothing for it
        String kept = first.ssis("sections").stream().filter(third.ssis("sections")::contains).findFirst().orElseThrow();
        String keptDate = rows("SELECT last_modified_date FROM google_courses WHERE id = '" + kept + "'").get(0)
                .get("last_modified_date").toString();
        assertEquals(udmDate(keptDate), third.bySsi("sections").get(kept).get("LastModifiedDate"));
    }

    /** Identifier recipes and row counts against the sync DB's live rows. */
    private void checkAgainstSyncDb(LoaderContract.Tree t) throws Exception {
        assertEquals(set(COURSES), t.ssis("sections"));
        Set<String> users = set("SELECT user_id FROM google_students WHERE deleted_at IS NULL AND course_id IN (" + COURSES + ")"
                + " UNION SELECT user_id FROM google_teachers WHERE deleted_at IS NULL AND course_id IN (" + COURSES + ")");
        assertEquals(users, t.ssis("users"));
        assertEquals(users.size(), t.rows("users").size(), "one row per user (Ed-Fi writes one per course and role)");
        Set<String> teachers = set("SELECT user_id FROM google_teachers WHERE deleted_at IS NULL AND course_id IN (" + COURSES + ")");
        for (Map<String, String> u : t.rows("users")) {
            assertEquals(teachers.contains(u.get("SourceSystemIdentifier")) ? "Teacher" : "Student", u.get("UserRole"));
        }
        assertEquals(set("SELECT user_id || '-' || course_id FROM google_students WHERE deleted_at IS NULL AND course_id IN ("
                + COURSES + ") UNION SELECT user_id || '-' || course_id FROM google_teachers WHERE deleted_at IS NULL"
                + " AND course_id IN (" + COURSES + ")"), t.ssis("section-associations"));
        assertEquals(set("SELECT course_id || '-' || id FROM (" + WORK + ")"), t.ssis("assignments"));
        Set<String> submissions = set("SELECT s.course_id || '-' || s.course_work_id || '-' || s.id FROM google_submissions s"
                + " JOIN (" + WORK + ") w ON w.course_id = s.course_id AND w.id = s.course_work_id WHERE s.deleted_at IS NULL");
        assertEquals(submissions, t.ssis("submissions"));
        assertEquals(submissions.size(), t.rows("submissions").size());
        assertEquals(set("SELECT CASE WHEN h.value -> '$.stateHistory' IS NOT NULL"
                + " THEN 'S-' || s.course_id || '-' || s.course_work_id || '-' || s.id || '-' || (h.value ->> '$.stateHistory.stateTimestamp')"
                + " ELSE 'G-' || s.course_id || '-' || s.course_work_id || '-' || s.id || '-' || (h.value ->> '$.gradeHistory.gradeTimestamp') END"
                + " FROM google_submissions s JOIN (" + WORK + ") w ON w.course_id = s.course_id AND w.id = s.course_work_id,"
                + " json_each(s.json, '$.submissionHistory') h WHERE s.deleted_at IS NULL"), t.ssis("section-activities"));
        for (Map<String, String> s : t.rows("submissions")) {
            String grade = s.get("Grade");
            if (!grade.isEmpty()) {
                assertEquals(new java.math.BigDecimal(grade).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString(),
                        s.get("EarnedPoints"), "EarnedPoints is the grade, integral");
            }
        }
    }
}
