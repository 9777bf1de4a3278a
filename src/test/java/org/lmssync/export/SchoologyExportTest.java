package org.lmssync.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.schoology.SchoologySimulator;

/** The small Schoology demo district, exported, changed (a section retired, one deleted), exported again. */
class SchoologyExportTest extends ExportTestSupport {
    private static final Set<String> SECTION_FILES = Set.of("section-associations", "assignments", "attendance-events");
    private static final String SECTIONS = "SELECT id FROM schoology_sections WHERE deleted_at IS NULL";
    private static final String USERS = "SELECT id FROM schoology_users WHERE deleted_at IS NULL";
    private static final String ENROLLMENTS = "SELECT section_id, id, json_extract(json, '$.uid') AS uid,"
            + " json_extract(json, '$.admin') AS admin FROM schoology_enrollments WHERE deleted_at IS NULL"
            + " AND section_id IN (" + SECTIONS + ") AND CAST(json_extract(json, '$.uid') AS TEXT) IN (" + USERS + ")";

    @Test
    void theDemoDistrictLoadsAsEdFiWouldWithRetiredSectionsKeptAndDeletionsAndReturnsReachTheLoader() throws Exception {
        SchoologySimulator schoology = start("schoology", SchoologySimulator.class);
        sync();
        LoaderContract.Tree first = export("Schoology", SECTION_FILES);
        checkAgainstSyncDb(first);
        assertFalse(first.rows("attendance-events").isEmpty(), "the demo has attendance");

        schoology.applyDemoChanges();
        sync();
        LoaderContract.Tree second = export("Schoology", SECTION_FILES);
        checkAgainstSyncDb(second);
        // the deleted section and its children are gone from the new files
        Set<String> deleted = set("SELECT id FROM schoology_sections WHERE deleted_at IS NOT NULL");
        assertEquals(1, deleted.size());
        String gone = deleted.iterator().next();
        assertTrue(first.ssis("sections").contains(gone));
        assertFalse(second.ssis("sections").contains(gone));
        assertFalse(second.scopes("section-associations").contains(gone));
        // the retired section stays, inactive, dated no earlier than its retirement, with its children as they were
        Map<String, Object> retired = rows("SELECT id, retired_at FROM schoology_sections WHERE retired_at IS NOT NULL").get(0);
        String past = retired.get("id").toString();
        Map<String, String> section = second.bySsi("sections").get(past);
        assertNotNull(section, "a retired section is exported");
        assertEquals("inactive", section.get("LMSSectionStatus"));
        assertTrue(section.get("LastModifiedDate").compareTo(udmDate(retired.get("retired_at"))) >= 0);
        assertEquals("active", first.bySsi("sections").get(past).get("LMSSectionStatus"));
        assertEquals(first.files().get("section-associations").get(past).rows(),
                second.files().get("section-associations").get(past).rows(), "its enrollments are kept as they were");
        // the deactivated user leaves the users file
        Map<String, Object> leaver = rows("SELECT id, last_modified_date FROM schoology_users WHERE deleted_at IS NOT NULL").get(0);
        String uid = leaver.get("id").toString();
        assertTrue(first.ssis("users").contains(uid));
        assertFalse(second.ssis("users").contains(uid));

        // the user is reactivated unchanged: the sync DB keeps its old date, the export must not
        schoology.applyChanges(c -> c.reactivateUser(Long.parseLong(uid)));
        sync();
        Map<String, Object> back = rows("SELECT deleted_at, last_modified_date FROM schoology_users WHERE id = '" + uid + "'").get(0);
        assertNull(back.get("deleted_at"));
        assertEquals(leaver.get("last_modified_date"), back.get("last_modified_date"));
        LoaderContract.Tree third = export("Schoology", SECTION_FILES);
        checkAgainstSyncDb(third);
        String before = first.bySsi("users").get(uid).get("LastModifiedDate");
        String now = third.bySsi("users").get(uid).get("LastModifiedDate");
        assertTrue(now.compareTo(before) > 0, uid + ": " + now + " after " + before);
    }

    private void checkAgainstSyncDb(LoaderContract.Tree t) throws Exception {
        assertEquals(set(SECTIONS), t.ssis("sections"));
        assertEquals(set("SELECT DISTINCT CAST(uid AS TEXT) FROM (" + ENROLLMENTS + ")"), t.ssis("users"));
        Set<String> teachers = set("SELECT DISTINCT CAST(uid AS TEXT) FROM (" + ENROLLMENTS + ") WHERE admin = 1");
        for (Map<String, String> u : t.rows("users")) {
            assertEquals(teachers.contains(u.get("SourceSystemIdentifier")) ? "Teacher" : "Student", u.get("UserRole"));
        }
        assertEquals(set("SELECT id FROM (" + ENROLLMENTS + ") WHERE admin <> 1"), t.ssis("section-associations"));
        String assignments = "SELECT section_id, id FROM schoology_assignments WHERE deleted_at IS NULL AND section_id IN ("
                + SECTIONS + ")";
        assertEquals(set("SELECT id FROM (" + assignments + ")"), t.ssis("assignments"));
        Set<String> submissions = set("SELECT s.section_id || '#' || s.grade_item_id || '#' || s.uid FROM schoology_submissions s"
                + " JOIN (" + assignments + ") a ON a.section_id = s.section_id AND a.id = s.grade_item_id WHERE s.deleted_at IS NULL");
        assertEquals(submissions, t.ssis("submissions"));
        assertEquals(submissions.size(), t.rows("submissions").size());
        assertEquals(set("SELECT a.enrollment_id || '#' || a.date FROM schoology_attendance a JOIN (" + ENROLLMENTS + ") e"
                + " ON e.section_id = a.section_id AND e.id = a.enrollment_id WHERE a.deleted_at IS NULL AND e.admin <> 1"),
                t.ssis("attendance-events"));
        for (Map<String, String> a : t.rows("attendance-events")) {
            assertTrue(Set.of("present", "absent", "late", "excused").contains(a.get("AttendanceStatus")), a.toString());
            assertTrue(a.get("SourceSystemIdentifier").endsWith("#" + a.get("EventDate")), a.toString());
        }
    }
}
