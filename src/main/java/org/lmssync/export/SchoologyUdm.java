package org.lmssync.export;

import static org.lmssync.export.UdmValues.firstOf;
import static org.lmssync.export.UdmValues.text;
import static org.lmssync.export.UdmValues.utc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Schoology to UDM, with the Schoology extractor's identifiers: users by {@code uid}, sections and
 * enrollments by {@code id}, assignments by their raw {@code id}, submissions
 * {@code "{sectionId}#{assignmentId}#{uid}"}, attendance events {@code "{enrollment_id}#{date}"}.
 *
 * <p>What is exported: every live section, <b>retired ones included</b> (a section whose grading
 * periods ended is not deleted: it stays in the sections file with LMSSectionStatus
 * {@code inactive} and a LastModifiedDate no earlier than its {@code retired_at}, and its
 * enrollments, assignments, submissions and attendance stay in its folder as they were last
 * synced); the non-admin enrollments of live users; the users with an enrollment in an exported
 * section, as Teacher (admin of any such section) or Student; attendance of exported enrollments.
 */
final class SchoologyUdm implements UdmMapping {
    static final String SOURCE = "Schoology";

    private static final String WITH = """
            WITH sec AS MATERIALIZED (
              SELECT s.id, s.json, s.create_date, s.last_modified_date, s.retired_at FROM schoology_sections s
               WHERE s.deleted_at IS NULL),
            enr AS MATERIALIZED (
              SELECT e.section_id, e.id, e.json, e.create_date, e.last_modified_date,
                     CAST(json_extract(e.json, '$.uid') AS TEXT) AS uid,
                     COALESCE(CAST(json_extract(e.json, '$.admin') AS INTEGER), 0) AS admin
                FROM schoology_enrollments e
               WHERE e.deleted_at IS NULL AND e.section_id IN (SELECT id FROM sec)
                 AND CAST(json_extract(e.json, '$.uid') AS TEXT) IN (SELECT id FROM schoology_users WHERE deleted_at IS NULL))
            """;

    @Override
    public String lms() {
        return "schoology";
    }

    @Override
    public String sourceSystem() {
        return SOURCE;
    }

    @Override
    public List<String> tables() {
        return List.of("schoology_users", "schoology_sections", "schoology_enrollments", "schoology_assignments",
                "schoology_submissions", "schoology_attendance");
    }

    @Override
    public List<UdmQuery> queries() {
        return List.of(
                new UdmQuery(UdmEntity.SUBMISSIONS, WITH + """
                        SELECT a.section_id AS folder_section, a.id AS folder_assignment,
                               sb.json, sb.create_date, sb.last_modified_date, sb.uid
                          FROM schoology_assignments a JOIN sec ON sec.id = a.section_id
                          LEFT JOIN schoology_submissions sb
                            ON sb.section_id = a.section_id AND sb.grade_item_id = a.id AND sb.deleted_at IS NULL
                         WHERE a.deleted_at IS NULL
                         ORDER BY folder_section, folder_assignment, sb.uid""", SchoologyUdm::submission),
                new UdmQuery(UdmEntity.ATTENDANCE_EVENTS, WITH + """
                        SELECT sec.id AS folder_section, att.json, att.create_date, att.last_modified_date, att.uid
                          FROM sec LEFT JOIN (SELECT t.section_id, t.enrollment_id, t.date, t.json, t.create_date,
                                                     t.last_modified_date, enr.uid
                                                FROM schoology_attendance t
                                                JOIN enr ON enr.section_id = t.section_id AND enr.id = t.enrollment_id
                                                        AND enr.admin <> 1
                                               WHERE t.deleted_at IS NULL) att ON att.section_id = sec.id
                         ORDER BY folder_section, att.enrollment_id, att.date""", SchoologyUdm::attendance),
                new UdmQuery(UdmEntity.SECTION_ASSOCIATIONS, WITH + """
                        SELECT sec.id AS folder_section, enr.json, enr.create_date, enr.last_modified_date
                          FROM sec LEFT JOIN enr ON enr.section_id = sec.id AND enr.admin <> 1
                         ORDER BY folder_section, enr.id""", SchoologyUdm::association),
                new UdmQuery(UdmEntity.ASSIGNMENTS, WITH + """
                        SELECT sec.id AS folder_section, a.json, a.create_date, a.last_modified_date
                          FROM sec LEFT JOIN schoology_assignments a ON a.section_id = sec.id AND a.deleted_at IS NULL
                         ORDER BY folder_section, a.id""", SchoologyUdm::assignment),
                new UdmQuery(UdmEntity.USERS, WITH + """
                        SELECT u.json, u.create_date, u.last_modified_date, r.teacher
                          FROM schoology_users u JOIN (SELECT uid, MAX(admin) AS teacher FROM enr GROUP BY uid) r
                            ON r.uid = u.id
                         WHERE u.deleted_at IS NULL ORDER BY u.id""", SchoologyUdm::user),
                new UdmQuery(UdmEntity.SECTIONS, WITH + """
                        SELECT sec.json, sec.create_date, sec.last_modified_date, sec.retired_at FROM sec ORDER BY sec.id""",
                        SchoologyUdm::section));
    }

    static List<UdmRow> user(SourceRow r) {
        JsonNode j = r.json();
        String id = text(j, "id");
        String name = String.join(" ", text(j, "name_first"), text(j, "name_middle"), text(j, "name_last"))
                .replaceAll(" {2,}", " ").trim();
        return List.of(UdmRow.of(UdmEntity.USERS)
                .put("SourceSystemIdentifier", id).put("SourceSystem", SOURCE)
                // Ed-Fi takes the title of the user's role (GET roles, not synced): derived from the enrollments
                .put("UserRole", "1".equals(r.col("teacher")) ? "Teacher" : "Student")
                .put("LocalUserIdentifier", text(j, "username")).put("SISUserIdentifier", text(j, "school_uid"))
                .put("Name", firstOf(name, text(j, "name_display"), id))
                .put("EmailAddress", firstOf(text(j, "primary_email"), text(j, "username"), id))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                .build());
    }

    static List<UdmRow> section(SourceRow r) {
        JsonNode j = r.json();
        String id = text(j, "id");
        boolean retired = !r.col("retired_at").isEmpty();
        boolean active = !retired && j.path("active").asText().equals("1");
        return List.of(UdmRow.of(UdmEntity.SECTIONS)
                .put("SourceSystemIdentifier", id).put("SourceSystem", SOURCE)
                .put("SISSectionIdentifier", text(j, "section_school_code"))
                .put("Title", firstOf(text(j, "section_title"), text(j, "course_title"), id))
                .put("SectionDescription", text(j, "description")).put("Term", "")
                .put("LMSSectionStatus", active ? "active" : "inactive")
                .put("CreateDate", r.createDate())
                .put("LastModifiedDate", UdmValues.later(r.lastModifiedDate(), utc(r.col("retired_at"))))
                .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                .build());
    }

    static String enrollmentStatus(String status) {
        return switch (status) {
            case "1" -> "Active";
            case "2" -> "Expired";
            case "3" -> "Invite pending";
            case "4" -> "Request pending";
            case "5" -> "Archived";
            default -> "Unknown status: " + status;
        };
    }

    static List<UdmRow> association(SourceRow r) {
        JsonNode j = r.json();
        return List.of(UdmRow.of(UdmEntity.SECTION_ASSOCIATIONS)
                .put("SourceSystemIdentifier", text(j, "id")).put("SourceSystem", SOURCE)
                .put("EnrollmentStatus", enrollmentStatus(text(j, "status")))
                .put("LMSUserSourceSystemIdentifier", text(j, "uid"))
                .put("LMSSectionSourceSystemIdentifier", r.col("folder_section"))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                .build());
    }

    /** The descriptor's code values {@code Assignment}, {@code Assessment}, {@code Discussion}; other types as Schoology names them. */
    static String category(String type) {
        return switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "", "assignment" -> "Assignment";
            case "assessment" -> "Assessment";
            case "discussion" -> "Discussion";
            default -> type;
        };
    }

    static List<UdmRow> assignment(SourceRow r) {
        JsonNode j = r.json();
        return List.of(UdmRow.of(UdmEntity.ASSIGNMENTS)
                .put("SourceSystemIdentifier", text(j, "id")).put("SourceSystem", SOURCE)
                .put("Title", firstOf(text(j, "title"), text(j, "id")))
                .put("AssignmentCategory", category(text(j, "type")))
                .put("AssignmentDescription", text(j, "description"))
                .put("StartDateTime", "").put("EndDateTime", "")
                // Schoology's own "YYYY-MM-DD HH:MM:SS"; an assignment without one has no due date (Ed-Fi fails the section)
                .put("DueDateTime", utc(text(j, "due")))
                .put("SubmissionType", "")
                .put("MaxPoints", UdmValues.integral(text(j, "max_points")))
                .put("LMSSectionSourceSystemIdentifier", r.col("folder_section"))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                .build());
    }

    static String submissionStatus(JsonNode j) {
        if (j.path("late").asText().equals("1")) {
            return "late";
        }
        if (j.path("draft").asText().equals("1")) {
            return "draft";
        }
        return "on-time";
    }

    static List<UdmRow> submission(SourceRow r) {
        JsonNode j = r.json();
        String section = r.col("folder_section");
        String assignment = r.col("folder_assignment");
        String uid = firstOf(text(j, "uid"), r.col("uid"));
        JsonNode created = j.path("created");
        return List.of(UdmRow.of(UdmEntity.SUBMISSIONS)
                .put("SourceSystemIdentifier", section + "#" + assignment + "#" + uid).put("SourceSystem", SOURCE)
                .put("SubmissionStatus", submissionStatus(j))
                .put("SubmissionDateTime", created.canConvertToLong() || created.isTextual() && !created.asText().isBlank()
                        ? UdmValues.epoch(created.asLong()) : "")
                .put("EarnedPoints", "").put("Grade", "")
                .put("AssignmentSourceSystemIdentifier", assignment)
                .put("LMSUserSourceSystemIdentifier", uid)
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                .build());
    }

    static String attendanceStatus(String status) {
        return switch (status) {
            case "1" -> "present";
            case "2" -> "absent";
            case "3" -> "late";
            case "4" -> "excused";
            default -> "";
        };
    }

    static List<UdmRow> attendance(SourceRow r) {
        JsonNode j = r.json();
        String date = UdmValues.date(text(j, "date"));
        return List.of(UdmRow.of(UdmEntity.ATTENDANCE_EVENTS)
                .put("SourceSystemIdentifier", text(j, "enrollment_id") + "#" + text(j, "date")).put("SourceSystem", SOURCE)
                .put("EventDate", date)
                .put("AttendanceStatus", attendanceStatus(text(j, "status")))
                .put("LMSSectionSourceSystemIdentifier", r.col("folder_section"))
                .put("LMSUserSourceSystemIdentifier", r.col("uid"))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                .build());
    }
}
