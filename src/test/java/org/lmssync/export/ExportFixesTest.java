package org.lmssync.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each deliberate difference from the Ed-Fi extractors (README, "What differs from the Ed-Fi
 * extractors"), on a hand-made sync DB, read back through the loader's contract.
 */
class ExportFixesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    private LoaderContract.Tree export(SyncDbFixture f, String lms, String source, java.util.Set<String> sectionFiles)
            throws Exception {
        f.close();
        try (Connection db = ExportCommand.openReadOnly("jdbc:sqlite:" + dir.resolve("sync.db"))) {
            new UdmExporter(CLOCK).export(db, UdmMapping.of(lms), dir.resolve("udm"));
        }
        return LoaderContract.check(dir.resolve("udm").resolve(lms), source, sectionFiles, true);
    }

    private SyncDbFixture fixture() throws Exception {
        return new SyncDbFixture(dir.resolve("sync.db"));
    }

    private static void google(SyncDbFixture f) throws Exception {
        f.insert("google_courses", "", "{\"id\":\"1\",\"name\":\"N/A\",\"courseState\":\"ACTIVE\"}", "1");
        f.insert("google_courses", "", "{\"id\":\"2\",\"name\":\"Art\",\"courseState\":\"ACTIVE\"}", "2");
        String ada = "{\"courseId\":\"%s\",\"userId\":\"9\",\"profile\":{\"name\":{\"fullName\":\"Ada L\"},\"emailAddress\":\"ada@x.org\"}}";
        f.insert("google_students", "1", ada.formatted("1"), "1", "9");
        f.insert("google_students", "2", ada.formatted("2"), "2", "9");
        f.insert("google_teachers", "2", ada.formatted("2"), "2", "9");
        f.insert("google_coursework", "1", "{\"courseId\":\"1\",\"id\":\"5\",\"title\":\"Essay\",\"state\":\"PUBLISHED\","
                + "\"workType\":\"ASSIGNMENT\",\"maxPoints\":10.6,\"dueDate\":{\"year\":2026,\"month\":3,\"day\":9},"
                + "\"dueTime\":{\"hours\":23}}", "1", "5");
        f.insert("google_submissions", "1", "{\"courseId\":\"1\",\"courseWorkId\":\"5\",\"id\":\"s1\",\"userId\":\"9\","
                + "\"state\":\"RETURNED\",\"assignedGrade\":8.5,\"submissionHistory\":["
                + "{\"stateHistory\":{\"state\":\"TURNED_IN\",\"stateTimestamp\":\"2026-03-01T10:00:00.123Z\",\"actorUserId\":\"9\"}},"
                + "{\"gradeHistory\":{\"pointsEarned\":8.5,\"gradeTimestamp\":\"2026-03-02T11:00:00Z\",\"actorUserId\":\"9\","
                + "\"gradeChangeType\":\"ASSIGNED_GRADE_POINTS_EARNED_CHANGE\"}}]}", "1", "5", "s1");
    }

    @Test
    void googleSectionActivitiesHaveTheLoadersColumnNames() throws Exception {
        SyncDbFixture f = fixture();
        google(f);
        LoaderContract.Tree t = export(f, "google", "Google", java.util.Set.of("section-associations", "assignments",
                "section-activities"));
        LoaderContract.Csv csv = t.files().get("section-activities").get("1");
        assertTrue(csv.header().contains("LMSSectionSourceSystemIdentifier") && csv.header().contains("LMSUserSourceSystemIdentifier"));
        assertFalse(csv.header().contains("AssignmentIdentifier") || csv.header().contains("Content")
                || csv.header().contains("LMSSectionIdentifier"), csv.header().toString());
        Map<String, Map<String, String>> a = t.bySsi("section-activities");
        assertEquals(List.of("S-1-5-s1-2026-03-01T10:00:00.123Z", "G-1-5-s1-2026-03-02T11:00:00Z"), List.copyOf(a.keySet()));
        Map<String, String> s = a.get("S-1-5-s1-2026-03-01T10:00:00.123Z");
        assertEquals("TURNED_IN", s.get("ActivityStatus"));
        assertEquals("2026-03-01 10:00:00", s.get("ActivityDateTime"));
        assertEquals("9", s.get("LMSUserSourceSystemIdentifier"));
        assertEquals("ASSIGNED_GRADE_POINTS_EARNED_CHANGE", a.get("G-1-5-s1-2026-03-02T11:00:00Z").get("ActivityStatus"));
    }

    @Test
    void googleUsersAreOnePerPersonFractionalGradesAreIntegralAndTheDueTimeNeedsNoMinutes() throws Exception {
        SyncDbFixture f = fixture();
        google(f);
        LoaderContract.Tree t = export(f, "google", "Google", java.util.Set.of("section-associations", "assignments",
                "section-activities"));
        // Ed-Fi: one row per course and role (3 rows, one id: UniqueViolation in the loader)
        assertEquals(1, t.rows("users").size());
        assertEquals("Teacher", t.rows("users").get(0).get("UserRole"));
        Map<String, String> sub = t.bySsi("submissions").get("1-5-s1");
        assertEquals("9", sub.get("EarnedPoints"), "8.5 rounded half up: the loader's Int64 refuses 8.5");
        assertEquals("8.5", sub.get("Grade"));
        Map<String, String> work = t.bySsi("assignments").get("1-5");
        assertEquals("11", work.get("MaxPoints"));
        assertEquals("2026-03-09 23:00:00", work.get("DueDateTime"), "minutes: 0 is left out of proto3 JSON");
        assertEquals("Assignment", work.get("AssignmentCategory"), "the descriptor's code value, not ASSIGNMENT");
        assertEquals("N/A ", t.bySsi("sections").get("1").get("Title"), "pandas would read N/A as missing in a NOT NULL column");
    }

    @Test
    void canvasUsersWithoutEmailVocabularyCaseAndUtcDates() throws Exception {
        SyncDbFixture f = fixture();
        f.insert("canvas_courses", "", "{\"id\":1,\"workflow_state\":\"available\"}", "1");
        f.insert("canvas_sections", "1", "{\"id\":11,\"course_id\":1,\"name\":\"P1\",\"created_at\":\"2026-01-01T00:00:00-05:00\"}", "11");
        f.insert("canvas_users", "", "{\"id\":3,\"name\":\"Bo\",\"login_id\":\"bo3\",\"sis_user_id\":\"S3\"}", "3");
        f.insert("canvas_enrollments", "11", "{\"id\":31,\"user_id\":3,\"course_id\":1,\"type\":\"StudentEnrollment\","
                + "\"enrollment_state\":\"completed\",\"course_section_id\":11}", "31");
        f.insert("canvas_assignments", "1", "{\"id\":7,\"course_id\":1,\"name\":\"Quiz\",\"points_possible\":9.5,"
                + "\"due_at\":\"2026-02-01T00:59:59-05:00\",\"submission_types\":[\"online_upload\",\"online_text_entry\"]}", "1", "7");
        f.insert("canvas_auth_events", "3", "{\"id\":\"e1\",\"created_at\":\"2026-02-01T08:00:00-06:00\","
                + "\"event_type\":\"login\",\"links\":{\"user\":3}}", "e1");
        f.insert("canvas_auth_events", "3", "{\"id\":\"e2\",\"created_at\":\"2026-02-01T09:00:00-06:00\","
                + "\"event_type\":\"logout\",\"links\":{\"user\":3}}", "e2");
        f.insert("canvas_auth_events", "4", "{\"id\":\"e3\",\"created_at\":\"2026-02-01T09:00:00-06:00\","
                + "\"event_type\":\"login\",\"links\":{\"user\":4}}", "e3");
        f.insert("canvas_submissions", "1", "{\"id\":70,\"assignment_id\":7,\"user_id\":3,\"score\":7.5,\"grade\":\"7.5\","
                + "\"workflow_state\":\"unsubmitted\"}", "70");
        LoaderContract.Tree t = export(f, "canvas", "Canvas", java.util.Set.of("section-associations", "assignments"));
        Map<String, String> user = t.bySsi("users").get("3");
        assertEquals("bo3", user.get("EmailAddress"), "NOT NULL: the login when Canvas has no email");
        assertEquals("Archived", t.bySsi("section-associations").get("31").get("EnrollmentStatus"));
        Map<String, String> a = t.bySsi("assignments").get("11-7");
        assertEquals("Assignment", a.get("AssignmentCategory"), "Ed-Fi writes 'assignment'");
        assertEquals("2026-02-01 05:59:59", a.get("DueDateTime"), "UTC, as the loader's TIMESTAMP would drop the offset");
        assertEquals("10", a.get("MaxPoints"));
        assertEquals("['online_upload', 'online_text_entry']", a.get("SubmissionType"));
        assertEquals("2026-01-01 05:00:00", t.bySsi("sections").get("11").get("SourceCreateDate"));
        Map<String, String> s = t.bySsi("submissions").get("70");
        assertEquals("Upcoming", s.get("SubmissionStatus"), "the descriptor's code value; Ed-Fi writes 'upcoming'");
        assertEquals("8", s.get("EarnedPoints"), "Ed-Fi leaves the score out");
        assertEquals("11-7", s.get("AssignmentSourceSystemIdentifier"));
        // auth events as system activities, only for exported users (the loader drops the others)
        assertEquals(java.util.Set.of("2026-03-04"), t.scopes("system-activities"), "date= is the export's date");
        Map<String, Map<String, String>> sys = t.bySsi("system-activities");
        assertEquals(java.util.Set.of("in#3#2026-02-01T08:00:00-06:00", "out#3#2026-02-01T09:00:00-06:00"), sys.keySet());
        Map<String, String> in = sys.get("in#3#2026-02-01T08:00:00-06:00");
        assertEquals("sign-in", in.get("ActivityType"));
        assertEquals("2026-02-01 14:00:00", in.get("ActivityDateTime"));
        assertEquals("3", in.get("LMSUserSourceSystemIdentifier"));
        assertEquals("active", in.get("ActivityStatus"));
    }

    @Test
    void schoologyWithoutEmailOrDueDateAndTheRetiredSection() throws Exception {
        SyncDbFixture f = fixture();
        f.schoologySection("10", "{\"id\":\"10\",\"section_title\":\"Algebra\",\"active\":1}");
        f.schoologyUser("7", "{\"id\":7,\"name_first\":\"Ada\",\"name_middle\":\"\",\"name_last\":\"L\",\"username\":\"ada7\","
                + "\"primary_email\":\"\"}");
        f.schoologyEnrollment("10", "70", "{\"id\":\"70\",\"uid\":\"7\",\"admin\":0,\"status\":\"1\"}");
        f.insert("schoology_assignments", "10", "{\"id\":5,\"title\":\"Quiz\",\"due\":\"\",\"max_points\":\"7.5\","
                + "\"type\":\"assessment\"}", "10", "5");
        f.insert("schoology_submissions", "10/5", "{\"uid\":7,\"created\":1767323045,\"late\":1,\"draft\":0}", "10", "5", "7");
        f.insert("schoology_attendance", "10", "{\"enrollment_id\":70,\"date\":\"2026-01-05\",\"status\":4}", "10", "70", "2026-01-05");
        f.close();
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sync.db"));
             java.sql.Statement st = c.createStatement()) {
            st.execute("UPDATE schoology_sections SET retired_at = '2026-02-03T04:05:06.000Z'");
        }
        LoaderContract.Tree t = export(new SyncDbFixture(dir.resolve("sync.db")), "schoology", "Schoology",
                java.util.Set.of("section-associations", "assignments", "attendance-events"));
        Map<String, String> user = t.bySsi("users").get("7");
        assertEquals("ada7", user.get("EmailAddress"));
        assertEquals("Ada L", user.get("Name"));
        Map<String, String> a = t.bySsi("assignments").get("5");
        assertEquals("", a.get("DueDateTime"), "Ed-Fi fails the section's assignments on an empty due");
        assertEquals("Assessment", a.get("AssignmentCategory"));
        assertEquals("8", a.get("MaxPoints"));
        Map<String, String> s = t.bySsi("submissions").get("10#5#7");
        assertEquals("late", s.get("SubmissionStatus"));
        assertEquals("2026-01-02 03:04:05", s.get("SubmissionDateTime"), "UTC, not the extractor machine's zone");
        assertEquals("excused", t.bySsi("attendance-events").get("70#2026-01-05").get("AttendanceStatus"));
        Map<String, String> section = t.bySsi("sections").get("10");
        assertEquals("inactive", section.get("LMSSectionStatus"));
        assertEquals("2026-02-03 04:05:06", section.get("LastModifiedDate"));
    }

    @Test
    void twoExportsInOneSecondGetDistinctNamesAndUnchangedRowsKeepTheirDates() throws Exception {
        SyncDbFixture f = fixture();
        f.schoologySection("10", "{\"id\":\"10\",\"section_title\":\"Algebra\",\"active\":1}");
        f.close();
        Path udm = dir.resolve("udm");
        String[] stamps = new String[2];
        for (int i = 0; i < 2; i++) {
            try (Connection db = ExportCommand.openReadOnly("jdbc:sqlite:" + dir.resolve("sync.db"))) {
                stamps[i] = new UdmExporter(CLOCK).export(db, UdmMapping.of("schoology"), udm).stamp();
            }
        }
        assertEquals("2026-03-04-05-06-07", stamps[0]);
        assertEquals("2026-03-04-05-06-08", stamps[1], "one second later than the last, so it sorts after it");
        for (String s : stamps) {
            List<String> lines = Files.readAllLines(udm.resolve("schoology/sections/" + s + ".csv"));
            assertEquals("10,Schoology,,Algebra,,,active,2026-01-02 03:04:05,2026-01-02 03:04:05,,", lines.get(1));
            assertEquals(1, Files.size(udm.resolve("schoology/section=10/assignments/" + s + ".csv")), "a 1-byte file");
        }
    }

    @Test
    void csvQuotingIsMinimalWithDoubledQuotes() {
        assertEquals("a,\"x,y\",\"he said \"\"hi\"\"\",\"line1\nline2\", lead,\n",
                CsvLine.of(List.of("a", "x,y", "he said \"hi\"", "line1\nline2", " lead", "")));
    }
}
