package org.lmssync.export;

import static org.lmssync.export.UdmValues.firstOf;
import static org.lmssync.export.UdmValues.text;
import static org.lmssync.export.UdmValues.utc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Canvas (REST tables) to UDM, with the Canvas extractor's identifiers: users and sections by
 * {@code id}, enrollments by {@code id}, assignments fanned out to every section of their course
 * as {@code "{sectionId}-{assignmentId}"}, submissions by {@code id} under
 * {@code section={sectionId}/assignment={sectionId}-{assignmentId}}, placed in the sections where
 * the submitting student is enrolled.
 *
 * <p>What is exported: sections of courses in state {@code available} or {@code completed}; the
 * student enrollments of those sections in every state but {@code deleted} (active → Active,
 * invited → Invite pending, the others → Archived); the users (students only, as Ed-Fi) with such an
 * enrollment, except deleted users; every assignment not deleted; their submissions; and, when the
 * optional {@code auth_events} resource is synced, those users' sign-ins and sign-outs as system
 * activities (the Canvas v1 extractor's recipe).
 */
final class CanvasUdm implements UdmMapping {
    static final String SOURCE = "Canvas";

    private static final String WITH = """
            WITH sec AS MATERIALIZED (
              SELECT s.id AS section_id, s.scope AS course_id, s.json, s.create_date, s.last_modified_date
                FROM canvas_sections s JOIN canvas_courses c ON c.id = s.scope
               WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL
                 AND json_extract(c.json, '$.workflow_state') IN ('available', 'completed')),
            usr AS MATERIALIZED (
              SELECT u.id FROM canvas_users u
               WHERE u.deleted_at IS NULL AND COALESCE(json_extract(u.json, '$.workflow_state'), '') <> 'deleted'),
            enr AS MATERIALIZED (
              SELECT e.id, e.scope AS section_id, CAST(json_extract(e.json, '$.user_id') AS TEXT) AS user_id,
                     e.json, e.create_date, e.last_modified_date
                FROM canvas_enrollments e
               WHERE e.deleted_at IS NULL AND json_extract(e.json, '$.type') = 'StudentEnrollment'
                 AND COALESCE(json_extract(e.json, '$.enrollment_state'), '') <> 'deleted'
                 AND e.scope IN (SELECT section_id FROM sec)
                 AND CAST(json_extract(e.json, '$.user_id') AS TEXT) IN (SELECT id FROM usr)),
            asg AS MATERIALIZED (
              SELECT a.course_id, a.id, a.json, a.create_date, a.last_modified_date FROM canvas_assignments a
               WHERE a.deleted_at IS NULL AND COALESCE(json_extract(a.json, '$.workflow_state'), '') <> 'deleted')
            """;

    @Override
    public String lms() {
        return "canvas";
    }

    @Override
    public String sourceSystem() {
        return SOURCE;
    }

    @Override
    public List<String> tables() {
        return List.of("canvas_courses", "canvas_sections", "canvas_enrollments", "canvas_users", "canvas_assignments",
                "canvas_submissions");
    }

    @Override
    public List<UdmQuery> queries() {
        return List.of(
                // every assignment folder of every section (a marker row without json), then the
                // submissions of the section's students, sorted together by folder
                new UdmQuery(UdmEntity.SUBMISSIONS, WITH + """
                        SELECT folder_section, folder_assignment, json, create_date, last_modified_date FROM (
                          SELECT sec.section_id AS folder_section, sec.section_id || '-' || asg.id AS folder_assignment,
                                 NULL AS json, NULL AS create_date, NULL AS last_modified_date, 0 AS part, NULL AS id
                            FROM sec JOIN asg ON asg.course_id = sec.course_id
                          UNION ALL
                          SELECT enr.section_id, enr.section_id || '-' || asg.id, sb.json, sb.create_date,
                                 sb.last_modified_date, 1, sb.id
                            FROM canvas_submissions sb
                            JOIN enr ON enr.user_id = CAST(json_extract(sb.json, '$.user_id') AS TEXT)
                            JOIN sec ON sec.section_id = enr.section_id
                            JOIN asg ON asg.course_id = sec.course_id
                                    AND asg.id = CAST(json_extract(sb.json, '$.assignment_id') AS TEXT)
                           WHERE sb.deleted_at IS NULL)
                         ORDER BY folder_section, folder_assignment, part, id""", CanvasUdm::submission),
                new UdmQuery(UdmEntity.SECTION_ASSOCIATIONS, WITH + """
                        SELECT sec.section_id AS folder_section, enr.json, enr.create_date, enr.last_modified_date
                          FROM sec LEFT JOIN enr ON enr.section_id = sec.section_id
                         ORDER BY folder_section, enr.id""", CanvasUdm::association),
                new UdmQuery(UdmEntity.ASSIGNMENTS, WITH + """
                        SELECT sec.section_id AS folder_section, asg.json, asg.create_date, asg.last_modified_date
                          FROM sec LEFT JOIN asg ON asg.course_id = sec.course_id
                         ORDER BY folder_section, asg.id""", CanvasUdm::assignment),
                // sign-ins and sign-outs (the optional auth_events resource), all of them each time:
                // the loader soft-deletes system activities missing from the newest file
                new UdmQuery(UdmEntity.SYSTEM_ACTIVITIES, WITH + """
                        SELECT ev.json, ev.create_date, ev.last_modified_date FROM canvas_auth_events ev
                         WHERE ev.deleted_at IS NULL
                           AND CAST(COALESCE(json_extract(ev.json, '$.links.user'), json_extract(ev.json, '$.user_id')) AS TEXT)
                               IN (SELECT user_id FROM enr)
                         ORDER BY ev.id""", CanvasUdm::authEvent, "canvas_auth_events"),
                new UdmQuery(UdmEntity.USERS, WITH + """
                        SELECT u.json, u.create_date, u.last_modified_date FROM canvas_users u
                         WHERE u.id IN (SELECT user_id FROM enr) ORDER BY u.id""", CanvasUdm::user),
                new UdmQuery(UdmEntity.SECTIONS, WITH + """
                        SELECT sec.json, sec.create_date, sec.last_modified_date FROM sec ORDER BY sec.section_id""",
                        CanvasUdm::section));
    }

    /** The v1 extractor's recipe: {@code "{in|out}#{userId}#{created_at}"}, login → sign-in, anything else → sign-out. */
    static List<UdmRow> authEvent(SourceRow r) {
        JsonNode j = r.json();
        String user = firstOf(text(j.path("links"), "user"), text(j, "user_id"));
        boolean in = text(j, "event_type").equals("login");
        String at = utc(text(j, "created_at"));
        return List.of(UdmRow.of(UdmEntity.SYSTEM_ACTIVITIES)
                .put("SourceSystemIdentifier", (in ? "in" : "out") + "#" + user + "#" + text(j, "created_at"))
                .put("SourceSystem", SOURCE).put("LMSUserSourceSystemIdentifier", user)
                .put("ActivityType", in ? "sign-in" : "sign-out").put("ActivityDateTime", at).put("ActivityStatus", "active")
                .put("ParentSourceSystemIdentifier", "").put("ActivityTimeInMinutes", "")
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", at).put("SourceLastModifiedDate", "")
                .build());
    }

    static List<UdmRow> user(SourceRow r) {
        JsonNode j = r.json();
        String id = text(j, "id");
        return List.of(UdmRow.of(UdmEntity.USERS)
                .put("SourceSystemIdentifier", id).put("SourceSystem", SOURCE).put("UserRole", "Student")
                .put("LocalUserIdentifier", text(j, "login_id")).put("SISUserIdentifier", text(j, "sis_user_id"))
                .put("Name", firstOf(text(j, "name"), text(j, "sortable_name"), id))
                // NOT NULL in the loader: a user without an email address gets their login, else their id
                .put("EmailAddress", firstOf(text(j, "email"), text(j, "login_id"), id))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", utc(text(j, "created_at"))).put("SourceLastModifiedDate", "")
                .build());
    }

    static List<UdmRow> section(SourceRow r) {
        JsonNode j = r.json();
        String id = text(j, "id");
        return List.of(UdmRow.of(UdmEntity.SECTIONS)
                .put("SourceSystemIdentifier", id).put("SourceSystem", SOURCE)
                .put("SISSectionIdentifier", text(j, "sis_section_id"))
                .put("Title", firstOf(text(j, "name"), text(j, "sis_section_id"), id))
                .put("SectionDescription", "").put("Term", "").put("LMSSectionStatus", "")
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", utc(text(j, "created_at"))).put("SourceLastModifiedDate", "")
                .build());
    }

    static String enrollmentStatus(String state) {
        return switch (state) {
            case "active" -> "Active";
            case "invited" -> "Invite pending";
            default -> "Archived";
        };
    }

    static List<UdmRow> association(SourceRow r) {
        JsonNode j = r.json();
        return List.of(UdmRow.of(UdmEntity.SECTION_ASSOCIATIONS)
                .put("SourceSystemIdentifier", text(j, "id")).put("SourceSystem", SOURCE)
                .put("EnrollmentStatus", enrollmentStatus(text(j, "enrollment_state")))
                .put("LMSUserSourceSystemIdentifier", text(j, "user_id"))
                .put("LMSSectionSourceSystemIdentifier", r.col("folder_section"))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", utc(text(j, "created_at"))).put("SourceLastModifiedDate", utc(text(j, "updated_at")))
                .build());
    }

    /** The submission types as the extractor prints a list: {@code ['online_upload', 'online_text_entry']}. */
    static String submissionTypes(JsonNode types) {
        if (types == null || !types.isArray() || types.isEmpty()) {
            return "";
        }
        List<String> quoted = new ArrayList<>();
        types.forEach(t -> quoted.add("'" + t.asText() + "'"));
        return "[" + String.join(", ", quoted) + "]";
    }

    static List<UdmRow> assignment(SourceRow r) {
        JsonNode j = r.json();
        String section = r.col("folder_section");
        return List.of(UdmRow.of(UdmEntity.ASSIGNMENTS)
                .put("SourceSystemIdentifier", section + "-" + text(j, "id")).put("SourceSystem", SOURCE)
                .put("Title", firstOf(text(j, "name"), text(j, "id")))
                // the descriptor's code value (Ed-Fi writes "assignment", which PostgreSQL's harmonizer misses)
                .put("AssignmentCategory", "Assignment")
                .put("AssignmentDescription", text(j, "description"))
                .put("StartDateTime", utc(text(j, "unlock_at"))).put("EndDateTime", utc(text(j, "lock_at")))
                .put("DueDateTime", utc(text(j, "due_at")))
                .put("SubmissionType", submissionTypes(j.get("submission_types")))
                .put("MaxPoints", UdmValues.integral(j.get("points_possible")))
                .put("LMSSectionSourceSystemIdentifier", section)
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", utc(text(j, "created_at"))).put("SourceLastModifiedDate", utc(text(j, "updated_at")))
                .build());
    }

    /** The extractor's order: late, missing, graded, Upcoming (not submitted), on-time. */
    static String submissionStatus(JsonNode j) {
        if (j.path("late").asBoolean(false)) {
            return "late";
        }
        if (j.path("missing").asBoolean(false)) {
            return "missing";
        }
        if (!text(j, "graded_at").isEmpty()) {
            return "graded";
        }
        if (text(j, "submitted_at").isEmpty()) {
            return "Upcoming";
        }
        return "on-time";
    }

    static List<UdmRow> submission(SourceRow r) {
        JsonNode j = r.json();
        return List.of(UdmRow.of(UdmEntity.SUBMISSIONS)
                .put("SourceSystemIdentifier", text(j, "id")).put("SourceSystem", SOURCE)
                .put("SubmissionStatus", submissionStatus(j))
                .put("SubmissionDateTime", utc(text(j, "submitted_at")))
                .put("EarnedPoints", UdmValues.integral(j.get("score")))
                .put("Grade", text(j, "grade"))
                .put("AssignmentSourceSystemIdentifier", r.col("folder_assignment"))
                .put("LMSUserSourceSystemIdentifier", text(j, "user_id"))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                .build());
    }
}
