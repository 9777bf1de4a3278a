package org.lmssync.export;

import static org.lmssync.export.UdmValues.firstOf;
import static org.lmssync.export.UdmValues.text;
import static org.lmssync.export.UdmValues.utc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Google Classroom to UDM, with the Google extractor's identifiers: sections by course {@code id},
 * users by {@code userId}, associations {@code "{userId}-{courseId}"}, assignments
 * {@code "{courseId}-{courseWorkId}"}, submissions {@code "{courseId}-{courseWorkId}-{id}"},
 * section activities from each submission's history, {@code "S-{courseId}-{courseWorkId}-{id}-{stateTimestamp}"}
 * and {@code "G-…-{gradeTimestamp}"}.
 *
 * <p>What is exported: courses in state ACTIVE or ARCHIVED; their students and teachers (one user
 * row per person: Teacher if they teach any exported course, else Student); coursework not DELETED;
 * its submissions and their state and grade history.
 */
final class GoogleUdm implements UdmMapping {
    static final String SOURCE = "Google";

    private static final String WITH = """
            WITH crs AS MATERIALIZED (
              SELECT c.id, c.json, c.create_date, c.last_modified_date FROM google_courses c
               WHERE c.deleted_at IS NULL AND json_extract(c.json, '$.courseState') IN ('ACTIVE', 'ARCHIVED')),
            mem AS MATERIALIZED (
              SELECT s.course_id, s.user_id, s.json, s.create_date, s.last_modified_date, 'Student' AS role
                FROM google_students s WHERE s.deleted_at IS NULL AND s.course_id IN (SELECT id FROM crs)
              UNION ALL
              SELECT t.course_id, t.user_id, t.json, t.create_date, t.last_modified_date, 'Teacher' AS role
                FROM google_teachers t WHERE t.deleted_at IS NULL AND t.course_id IN (SELECT id FROM crs)),
            cw AS MATERIALIZED (
              SELECT w.course_id, w.id, w.json, w.create_date, w.last_modified_date FROM google_coursework w
               WHERE w.deleted_at IS NULL AND COALESCE(json_extract(w.json, '$.state'), '') <> 'DELETED'
                 AND w.course_id IN (SELECT id FROM crs))
            """;

    @Override
    public String lms() {
        return "google";
    }

    @Override
    public String sourceSystem() {
        return SOURCE;
    }

    @Override
    public List<String> tables() {
        return List.of("google_courses", "google_students", "google_teachers", "google_coursework", "google_submissions");
    }

    @Override
    public List<UdmQuery> queries() {
        return List.of(
                new UdmQuery(UdmEntity.SUBMISSIONS, WITH + """
                        SELECT cw.course_id AS folder_section, cw.course_id || '-' || cw.id AS folder_assignment,
                               sb.json, sb.create_date, sb.last_modified_date
                          FROM cw LEFT JOIN google_submissions sb
                            ON sb.course_id = cw.course_id AND sb.course_work_id = cw.id AND sb.deleted_at IS NULL
                         ORDER BY folder_section, folder_assignment, sb.id""", GoogleUdm::submission),
                new UdmQuery(UdmEntity.SECTION_ACTIVITIES, WITH + """
                        SELECT crs.id AS folder_section, sb.json, sb.create_date, sb.last_modified_date
                          FROM crs LEFT JOIN (SELECT g.course_id, g.course_work_id, g.id, g.json, g.create_date,
                                                     g.last_modified_date
                                                FROM google_submissions g
                                                JOIN cw ON cw.course_id = g.course_id AND cw.id = g.course_work_id
                                               WHERE g.deleted_at IS NULL) sb ON sb.course_id = crs.id
                         ORDER BY folder_section, sb.course_work_id, sb.id""", GoogleUdm::activities),
                new UdmQuery(UdmEntity.SECTION_ASSOCIATIONS, WITH + """
                        SELECT crs.id AS folder_section, mem.json, mem.create_date, mem.last_modified_date
                          FROM crs LEFT JOIN mem ON mem.course_id = crs.id
                         ORDER BY folder_section, mem.user_id, mem.role DESC""", GoogleUdm::association),
                new UdmQuery(UdmEntity.ASSIGNMENTS, WITH + """
                        SELECT crs.id AS folder_section, cw.json, cw.create_date, cw.last_modified_date
                          FROM crs LEFT JOIN cw ON cw.course_id = crs.id
                         ORDER BY folder_section, cw.id""", GoogleUdm::assignment),
                // one row per person, whichever courses and roles they have (Ed-Fi writes duplicates)
                new UdmQuery(UdmEntity.USERS, WITH + """
                        SELECT user_id, json, MIN(create_date) AS create_date, MAX(last_modified_date) AS last_modified_date,
                               MAX(role) AS role
                          FROM mem GROUP BY user_id ORDER BY user_id""", GoogleUdm::user),
                new UdmQuery(UdmEntity.SECTIONS, WITH + """
                        SELECT crs.json, crs.create_date, crs.last_modified_date FROM crs ORDER BY crs.id""",
                        GoogleUdm::section));
    }

    static List<UdmRow> section(SourceRow r) {
        JsonNode j = r.json();
        String id = text(j, "id");
        return List.of(UdmRow.of(UdmEntity.SECTIONS)
                .put("SourceSystemIdentifier", id).put("SourceSystem", SOURCE)
                // the SIS id comes from course aliases, which lms-sync does not sync
                .put("SISSectionIdentifier", "")
                .put("Title", firstOf(text(j, "name"), id)).put("SectionDescription", text(j, "descriptionHeading"))
                .put("Term", "").put("LMSSectionStatus", text(j, "courseState"))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", utc(text(j, "creationTime"))).put("SourceLastModifiedDate", utc(text(j, "updateTime")))
                .build());
    }

    static List<UdmRow> user(SourceRow r) {
        JsonNode j = r.json();
        JsonNode profile = j.path("profile");
        String id = text(j, "userId");
        return List.of(UdmRow.of(UdmEntity.USERS)
                .put("SourceSystemIdentifier", id).put("SourceSystem", SOURCE).put("UserRole", r.col("role"))
                .put("LocalUserIdentifier", "").put("SISUserIdentifier", "")
                .put("Name", firstOf(text(profile.path("name"), "fullName"), id))
                .put("EmailAddress", firstOf(text(profile, "emailAddress"), id))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                .build());
    }

    static List<UdmRow> association(SourceRow r) {
        JsonNode j = r.json();
        String course = r.col("folder_section");
        return List.of(UdmRow.of(UdmEntity.SECTION_ASSOCIATIONS)
                .put("SourceSystemIdentifier", text(j, "userId") + "-" + course).put("SourceSystem", SOURCE)
                .put("EnrollmentStatus", "Active")
                .put("LMSUserSourceSystemIdentifier", text(j, "userId")).put("LMSSectionSourceSystemIdentifier", course)
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                .build());
    }

    /** The descriptor's code values: {@code ASSIGNMENT} is {@code Assignment}; the question types are as Google names them. */
    static String category(String workType) {
        String w = firstOf(workType, "COURSE_WORK_TYPE_UNSPECIFIED");
        return w.equals("ASSIGNMENT") ? "Assignment" : w;
    }

    /** {@code dueDate} + {@code dueTime} (UTC); proto3 JSON leaves zero fields out, so a missing hour or minute is 0. */
    static String due(JsonNode j) {
        JsonNode d = j.path("dueDate");
        if (!d.has("year") || !d.has("month") || !d.has("day")) {
            return "";
        }
        JsonNode t = j.path("dueTime");
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", d.get("year").asInt(), d.get("month").asInt(),
                d.get("day").asInt(), t.path("hours").asInt(0), t.path("minutes").asInt(0), t.path("seconds").asInt(0));
    }

    static List<UdmRow> assignment(SourceRow r) {
        JsonNode j = r.json();
        String course = r.col("folder_section");
        return List.of(UdmRow.of(UdmEntity.ASSIGNMENTS)
                .put("SourceSystemIdentifier", course + "-" + text(j, "id")).put("SourceSystem", SOURCE)
                .put("Title", firstOf(text(j, "title"), text(j, "id")))
                .put("AssignmentCategory", category(text(j, "workType")))
                .put("AssignmentDescription", text(j, "description"))
                .put("StartDateTime", utc(text(j, "scheduledTime"))).put("EndDateTime", "").put("DueDateTime", due(j))
                .put("SubmissionType", text(j, "workType"))
                .put("MaxPoints", UdmValues.integral(j.get("maxPoints")))
                .put("LMSSectionSourceSystemIdentifier", course)
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", utc(text(j, "creationTime"))).put("SourceLastModifiedDate", utc(text(j, "updateTime")))
                .build());
    }

    /** The extractor's {@code derive_state}: a late turn-in is LATE, a late unsubmitted one MISSING. */
    static String submissionStatus(JsonNode j) {
        String state = text(j, "state");
        if (j.path("late").asBoolean(false)) {
            if (state.equals("TURNED_IN")) {
                return "LATE";
            }
            if (state.equals("CREATED") || state.equals("NEW") || state.equals("RECLAIMED_BY_STUDENT")) {
                return "MISSING";
            }
        }
        return state;
    }

    /** The latest TURNED_IN time of the history, for a submission turned in or returned. */
    static String turnedIn(JsonNode j) {
        String state = text(j, "state");
        if (!state.equals("TURNED_IN") && !state.equals("RETURNED")) {
            return "";
        }
        String latest = "";
        for (JsonNode h : j.path("submissionHistory")) {
            JsonNode s = h.path("stateHistory");
            if (text(s, "state").equals("TURNED_IN")) {
                latest = UdmValues.later(latest, utc(text(s, "stateTimestamp")));
            }
        }
        return latest;
    }

    static List<UdmRow> submission(SourceRow r) {
        JsonNode j = r.json();
        String grade = text(j, "assignedGrade");
        return List.of(UdmRow.of(UdmEntity.SUBMISSIONS)
                .put("SourceSystemIdentifier", r.col("folder_assignment") + "-" + text(j, "id")).put("SourceSystem", SOURCE)
                .put("SubmissionStatus", submissionStatus(j)).put("SubmissionDateTime", turnedIn(j))
                // Ed-Fi writes the grade itself (8.5 aborts the loader's INT column): rounded half up
                .put("EarnedPoints", UdmValues.integral(grade)).put("Grade", grade)
                .put("AssignmentSourceSystemIdentifier", r.col("folder_assignment"))
                .put("LMSUserSourceSystemIdentifier", text(j, "userId"))
                .put("CreateDate", r.createDate()).put("LastModifiedDate", r.lastModifiedDate())
                .put("SourceCreateDate", utc(text(j, "creationTime"))).put("SourceLastModifiedDate", utc(text(j, "updateTime")))
                .build());
    }

    /**
     * One section activity per state change and grade change of a submission. Each is an event
     * that never changes, so its CreateDate and LastModifiedDate are the submission's first sight.
     */
    static List<UdmRow> activities(SourceRow r) {
        JsonNode j = r.json();
        String course = r.col("folder_section");
        String base = text(j, "courseId") + "-" + text(j, "courseWorkId") + "-" + text(j, "id");
        List<UdmRow> out = new ArrayList<>();
        for (JsonNode h : j.path("submissionHistory")) {
            boolean state = h.has("stateHistory");
            JsonNode e = state ? h.path("stateHistory") : h.path("gradeHistory");
            if (e.isMissingNode()) {
                continue;
            }
            String at = text(e, state ? "stateTimestamp" : "gradeTimestamp");
            out.add(UdmRow.of(UdmEntity.SECTION_ACTIVITIES)
                    .put("SourceSystemIdentifier", (state ? "S-" : "G-") + base + "-" + at).put("SourceSystem", SOURCE)
                    .put("ActivityType", state ? "Submission State Change" : "Submission Grade Change")
                    .put("ActivityDateTime", utc(at))
                    .put("ActivityStatus", text(e, state ? "state" : "gradeChangeType"))
                    .put("ParentSourceSystemIdentifier", "").put("ActivityTimeInMinutes", "")
                    .put("LMSSectionSourceSystemIdentifier", course)
                    .put("LMSUserSourceSystemIdentifier", text(e, "actorUserId"))
                    .put("CreateDate", r.createDate()).put("LastModifiedDate", r.createDate())
                    .put("SourceCreateDate", "").put("SourceLastModifiedDate", "")
                    .build());
        }
        return out;
    }
}
