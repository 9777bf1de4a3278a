package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.Shapes;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Renders district state in Schoology's shapes. Whether an id is a JSON string or number follows
 * the documented examples unless {@link SchoologySimConfig#idTypes()} says otherwise. Caller holds
 * the district read lock.
 */
final class SchoologyJson {
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String PICTURE = "https://asset-cdn.schoology.com/sites/all/themes/schoology_theme/images/user-default.svg";
    private static final String COURSE_PICTURE = "https://asset-cdn.schoology.com/sites/all/themes/schoology_theme/images/course-default.svg";

    private final District d;
    private final TypeMix ids;
    private final Supplier<String> apiBase;
    private final boolean real;

    SchoologyJson(District d, Supplier<String> apiBase) {
        this.d = d;
        this.ids = d.cfg.idTypes();
        this.apiBase = apiBase;
        this.real = d.cfg.shapes() == Shapes.REAL;
    }

    /** An id-like field, typed as documented or as configured. */
    private void id(ObjectNode o, String field, long value, boolean documentedAsString) {
        if (ids.asString(documentedAsString)) {
            o.put(field, String.valueOf(value));
        } else {
            o.put(field, value);
        }
    }

    private void idElement(ArrayNode a, long value, boolean documentedAsString) {
        if (ids.asString(documentedAsString)) {
            a.add(String.valueOf(value));
        } else {
            a.add(value);
        }
    }

    private void self(ObjectNode o, String path) {
        o.putObject("links").put("self", apiBase.get() + path);
    }

    ObjectNode user(UserData u) {
        ObjectNode o = Json.object();
        id(o, "uid", u.uid, true);
        id(o, "id", u.uid, false);
        id(o, "school_id", d.cfg.schoolId(), false);
        o.put("synced", 0);
        o.put("school_uid", u.schoolUid);
        if (!real) {
            id(o, "building_id", d.cfg.schoolId(), false); // absent from two real exports
        }
        o.put("additional_buildings", "");
        o.put("name_title", "");
        o.put("name_title_show", 0);
        o.put("name_first", u.nameFirst);
        o.put("name_first_preferred", "");
        if (real) {
            o.put("use_preferred_first_name", "1");
        }
        o.put("name_middle", "");
        o.put("name_middle_show", 0);
        o.put("name_last", u.nameLast);
        o.put("name_display", u.nameDisplay());
        o.put("username", u.username);
        o.put("primary_email", u.email);
        o.put("picture_url", PICTURE);
        o.putNull("gender");
        o.putNull("position");
        o.put("grad_year", u.gradYear);
        o.put("password", "");
        o.put("role_id", u.roleId);
        o.put("tz_offset", -5);
        o.put("tz_name", "America/New_York");
        o.putNull("parents");
        o.putNull("child_uids");
        if (real) {
            o.put("language", "");
        }
        return o;
    }

    ObjectNode inactiveUser(UserData u) {
        ObjectNode o = Json.object();
        id(o, "uid", u.uid, false);
        o.put("name", u.nameDisplay());
        o.put("school_uid", u.schoolUid);
        o.put("synced", 0);
        o.put("inactive_timestamp", u.inactiveTimestamp);
        id(o, "modified_by_uid", u.modifiedByUid, false);
        return o;
    }

    ObjectNode role(Roles.Role r) {
        ObjectNode o = Json.object();
        id(o, "id", r.id(), false);
        o.put("title", r.title());
        o.put("faculty", r.faculty());
        o.put("role_type", 1);
        return o;
    }

    ObjectNode course(CourseData c) {
        ObjectNode o = Json.object();
        id(o, "id", c.id, false);
        o.put("title", c.title);
        o.put("course_code", c.courseCode);
        o.put("department", c.department);
        o.put("description", c.description);
        o.put("credits", c.credits);
        o.put("subject_area", 0);
        o.put("grade_level_range_start", c.gradeStart);
        o.put("grade_level_range_end", c.gradeEnd);
        o.put("synced", 1);
        id(o, "building_id", d.cfg.schoolId(), true);
        return o;
    }

    ObjectNode section(SectionData s) {
        ObjectNode o = Json.object();
        id(o, "id", s.id, true);
        o.put("course_title", s.course.title);
        o.put("course_code", s.course.courseCode);
        id(o, "course_id", s.course.id, true);
        id(o, "school_id", d.cfg.schoolId(), true);
        o.put("access_code", s.accessCode);
        o.put("section_title", s.title);
        o.put("section_code", s.sectionCode);
        o.put("section_school_code", s.sectionSchoolCode);
        o.put("synced", "0");
        o.put("active", s.active ? 1 : 0);
        o.put("description", s.description);
        ArrayNode periods = o.putArray("grading_periods");
        s.gradingPeriodIds.forEach(p -> idElement(periods, p, false));
        o.put("profile_url", COURSE_PICTURE);
        o.put("location", s.location);
        o.putArray("meeting_days").add("");
        o.put("start_time", "");
        o.put("end_time", "");
        o.put("weight", "0");
        ObjectNode options = o.putObject("options")
                .put("weighted_grading_categories", "0")
                .put("upload_documents", "0")
                .put("create_discussion", "0")
                .put("member_post", "1")
                .put("member_post_comment", "1");
        if (real) {
            options.put("default_grading_scale_id", 0);
            ObjectNode visibility = options.putObject("content_index_visibility");
            for (String k : new String[] {"topics", "assignments", "assessments", "course_assessment", "common_assessments",
                    "documents", "discussion", "album", "pages"}) {
                visibility.put(k, 1);
            }
            options.put("hide_overall_grade", 0);
            options.put("hide_grading_period_grade", 0);
            options.put("allow_custom_overall_grade", 0);
            options.put("allow_custom_overall_grade_text", 0);
            o.putNull("parent_id");
        }
        self(o, "/sections/" + s.id);
        o.put("admin", 1);
        return o;
    }

    ObjectNode enrollment(SectionData s, EnrollmentData e) {
        UserData u = d.users.get(e.uid);
        ObjectNode o = Json.object();
        id(o, "id", e.id, true);
        id(o, "uid", e.uid, true);
        o.put("school_uid", u.schoolUid);
        o.put("name_title", "");
        o.put("name_title_show", "0");
        o.put("name_first", u.nameFirst);
        o.put("name_first_preferred", "");
        o.put("name_middle", "");
        o.put("name_middle_show", "0");
        o.put("name_last", u.nameLast);
        o.put("name_display", u.nameDisplay());
        o.put("admin", e.admin ? 1 : 0);
        o.put("status", String.valueOf(e.status));
        o.put("picture_url", PICTURE);
        self(o, "/sections/" + s.id + "/enrollments/" + e.id);
        return o;
    }

    ObjectNode assignment(SectionData s, AssignmentData a) {
        ObjectNode o = Json.object();
        id(o, "id", a.id, false);
        o.put("title", a.title);
        o.put("description", a.description);
        o.put("due", a.due == null ? "" : DUE.format(a.due));
        o.put("grading_scale", "0");
        id(o, "grading_period", a.gradingPeriodId, true);
        o.put("grading_category", real ? String.valueOf(a.gradingCategoryId) : "0");
        o.put("max_points", String.valueOf(a.maxPoints));
        o.put("factor", "1");
        o.put("is_final", a.isFinal ? "1" : "0");
        o.put("show_comments", "0");
        o.put("grade_stats", "0");
        o.put("allow_dropbox", "1");
        o.put("allow_discussion", "0");
        o.put("published", a.published ? 1 : 0);
        o.put("type", "assignment");
        id(o, "grade_item_id", a.id, false);
        o.put("available", 1);
        o.put("completed", 0);
        o.put("dropbox_locked", 0);
        o.put("grading_scale_type", 0);
        o.put("show_rubric", false);
        if (real) {
            // what real assignments carry instead of the documentation's three keys
            o.put("display_weight", "0");
            o.put("folder_id", String.valueOf(a.folderId));
            o.put("assignment_type", "basic");
            o.put("web_url", "https://app.schoology.com/assignment/" + a.id + "/info");
            o.put("last_updated", String.valueOf(a.lastUpdated)); // epoch seconds, as a string
        } else {
            o.put("count_in_grade", 1);
            o.put("collected_only", 0);
            o.put("auto_publish_grades", 1);
        }
        o.put("num_assignees", 0);
        o.putArray("assignees");
        o.putArray("grading_group_ids");
        o.put("completion_status", "");
        self(o, "/sections/" + s.id + "/assignments/" + a.id);
        return o;
    }

    ObjectNode revision(long uid, SubmissionData.Revision r) {
        ObjectNode o = Json.object();
        o.put("revision_id", r.revisionId());
        id(o, "uid", uid, false);
        o.put("created", r.created());
        o.put("num_items", r.numItems());
        o.put("late", r.late() ? 1 : 0);
        o.put("draft", r.draft() ? 1 : 0);
        return o;
    }

    ObjectNode gradingPeriod(GradingPeriod p) {
        ObjectNode o = Json.object();
        id(o, "id", p.id(), false);
        o.put("title", p.title());
        o.put("start", p.start().toString());
        o.put("end", p.end().toString());
        if (real) {
            o.put("active", p.isPast(d.todayLocked()) ? 0 : 1); // a number in real data, a string in the docs
            o.put("has_children", false);
            o.put("parent", "0");
        } else {
            o.put("active", p.isPast(d.todayLocked()) ? "0" : "1");
        }
        self(o, "/gradingperiods/" + p.id());
        return o;
    }

    /** One entry of the attendance "date" list: a date's marks grouped by status code. */
    ObjectNode attendanceDate(LocalDate date, Collection<AttendanceMark> marks) {
        ObjectNode o = Json.object();
        o.put("date", date.toString());
        Map<Integer, List<AttendanceMark>> byStatus = new TreeMap<>();
        for (AttendanceMark m : marks) {
            byStatus.computeIfAbsent(m.status(), k -> new ArrayList<>()).add(m);
        }
        ArrayNode statuses = o.putObject("statuses").putArray("status");
        byStatus.forEach((status, list) -> {
            ObjectNode st = statuses.addObject();
            st.put("status_code", status);
            ArrayNode items = st.putObject("attendances").putArray("attendance");
            for (AttendanceMark m : list) {
                ObjectNode a = items.addObject();
                id(a, "enrollment_id", m.enrollmentId(), false);
                a.put("date", m.date().toString());
                a.put("status", m.status());
                a.put("comment", m.comment());
            }
        });
        return o;
    }

    /** The attendance "totals" object: how many marks per status code over the listed dates. */
    ObjectNode attendanceTotals(Collection<? extends Collection<AttendanceMark>> days) {
        Map<Integer, Integer> counts = new TreeMap<>();
        days.forEach(day -> day.forEach(m -> counts.merge(m.status(), 1, Integer::sum)));
        ObjectNode totals = Json.object();
        ArrayNode arr = totals.putArray("total");
        counts.forEach((status, n) -> arr.addObject().put("status", status).put("count", n));
        return totals;
    }

    static Map<LocalDate, Collection<AttendanceMark>> copy(Map<LocalDate, Map<Long, AttendanceMark>> in) {
        Map<LocalDate, Collection<AttendanceMark>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v.values())));
        return out;
    }
}
