package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.DataGen;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.Shapes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Renders district state as Canvas JSON. Ids are JSON integers; timestamps have whole seconds
 * and end in Z, except user and auth-event created_at which carry the account's UTC offset.
 * Caller holds the district read lock.
 */
final class CanvasJson {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final District d;
    private final Submissions submissions;
    private final Supplier<String> baseUrl;
    private final DateTimeFormatter local;
    private final boolean real;

    CanvasJson(District d, Submissions submissions, Supplier<String> baseUrl) {
        this.d = d;
        this.submissions = submissions;
        this.baseUrl = baseUrl;
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(d.cfg.timeZone());
        this.real = d.cfg.shapes() == Shapes.REAL;
    }

    static String utc(Instant t) {
        return t == null ? null : UTC.format(t);
    }

    String local(Instant t) {
        return t == null ? null : local.format(t);
    }

    ObjectNode account(AccountData a) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("name", a.name());
        o.put("workflow_state", "active");
        putLong(o, "parent_account_id", a.parentId());
        putLong(o, "root_account_id", a.isRoot() ? null : District.ROOT_ACCOUNT_ID);
        o.put("uuid", a.uuid());
        o.put("default_storage_quota_mb", 500);
        o.put("default_user_storage_quota_mb", 50);
        o.put("default_group_storage_quota_mb", 50);
        o.put("default_time_zone", d.cfg.timeZone().getId());
        o.put("sis_account_id", a.sisAccountId());
        o.putNull("integration_id");
        o.putNull("sis_import_id");
        return o;
    }

    ObjectNode term(TermData t) {
        ObjectNode o = Json.object();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("start_at", utc(t.startAt()));
        o.put("end_at", utc(t.endAt()));
        o.put("created_at", utc(t.createdAt()));
        o.put("workflow_state", "active");
        o.putNull("grading_period_group_id");
        o.put("sis_term_id", t.sisTermId());
        o.putNull("sis_import_id");
        return o;
    }

    ObjectNode course(CourseData c, boolean withTerm) {
        ObjectNode o = Json.object();
        o.put("id", c.id);
        o.put("sis_course_id", c.sisCourseId);
        o.put("uuid", c.uuid);
        o.putNull("integration_id");
        o.putNull("sis_import_id");
        o.put("name", c.name);
        o.put("course_code", c.courseCode);
        if (!real) {
            o.putNull("original_name");
        }
        o.put("workflow_state", c.workflowState());
        o.put("account_id", c.accountId);
        o.put("root_account_id", District.ROOT_ACCOUNT_ID);
        o.put("enrollment_term_id", c.termId);
        if (!real) {
            o.putNull("grading_periods");
        }
        o.putNull("grading_standard_id");
        o.putNull("grade_passback_setting");
        o.put("created_at", utc(c.createdAt));
        o.put("start_at", utc(c.startAt));
        o.put("end_at", utc(c.endAt));
        if (!real) {
            o.putNull("locale");
        }
        o.put("default_view", "modules");
        o.put("apply_assignment_group_weights", false);
        long mix = Math.floorMod(DataGen.mix(d.seed, 70, District.courseKey(c.id)), 100L);
        if (real && mix < 80) {
            o.putNull("is_public"); // 9 of 11 real courses
        } else {
            o.put("is_public", false);
        }
        o.put("is_public_to_auth_users", false);
        o.put("public_syllabus", false);
        o.put("public_syllabus_to_auth", false);
        o.put("storage_quota_mb", 500);
        o.put("hide_final_grades", false);
        if (real && mix % 3 == 0) {
            o.putNull("license"); // 4 of 11 real courses
        } else {
            o.put("license", "private");
        }
        o.put("restrict_enrollments_to_course_dates", false);
        o.put("time_zone", d.cfg.timeZone().getId());
        o.put("blueprint", false);
        if (real) {
            o.put("homeroom_course", false);
            o.putNull("course_color");
            o.putNull("friendly_name");
            o.put("template", false);
            o.put("overridden_course_visibility", "");
        }
        o.putObject("calendar").put("ics", baseUrl.get() + "/feeds/calendars/course_" + c.uuid + ".ics");
        if (withTerm) {
            o.set("term", term(d.term(c.termId)));
        }
        return o;
    }

    ObjectNode section(SectionData s) {
        CourseData c = d.courses.get(s.courseId);
        ObjectNode o = Json.object();
        o.put("id", s.id);
        o.put("course_id", s.courseId);
        o.put("name", s.name);
        o.putNull("start_at");
        o.putNull("end_at");
        o.put("created_at", utc(s.createdAt));
        o.put("restrict_enrollments_to_section_dates", false);
        o.putNull("nonxlist_course_id");
        o.put("sis_section_id", s.sisSectionId);
        o.put("sis_course_id", c.sisCourseId);
        o.putNull("integration_id");
        o.putNull("sis_import_id");
        return o;
    }

    ObjectNode enrollment(EnrollmentData e) {
        UserData u = d.usersById.get(e.userId);
        CourseData c = d.courses.get(e.courseId);
        SectionData s = d.sections.get(e.sectionId);
        String base = baseUrl.get();
        ObjectNode o = Json.object();
        o.put("id", e.id);
        o.put("user_id", e.userId);
        o.put("course_id", e.courseId);
        o.put("type", e.type);
        o.put("created_at", utc(e.createdAt));
        o.put("updated_at", utc(e.updatedAt));
        putLong(o, "associated_user_id", e.associatedUserId);
        o.putNull("start_at");
        o.putNull("end_at");
        o.put("course_section_id", e.sectionId);
        o.put("root_account_id", District.ROOT_ACCOUNT_ID);
        o.put("limit_privileges_to_course_section", false);
        o.put("enrollment_state", e.state);
        o.put("role", e.type);
        o.put("role_id", e.roleId());
        o.put("last_activity_at", utc(e.lastActivityAt));
        o.putNull("last_attended_at");
        o.put("total_activity_time", e.lastActivityAt == null ? 0 : (int) (e.id % 97) * 60);
        o.putNull("sis_import_id");
        o.putNull("sis_account_id");
        o.put("sis_course_id", c.sisCourseId);
        o.putNull("course_integration_id");
        o.put("sis_section_id", s.sisSectionId);
        o.putNull("section_integration_id");
        o.put("sis_user_id", u.sisUserId);
        o.put("html_url", base + "/courses/" + e.courseId + "/users/" + e.userId);
        if (real) {
            o.putNull("temporary_enrollment_source_user_id");
            o.putNull("temporary_enrollment_pairing_id");
        }
        if (e.type.equals("StudentEnrollment")) {
            ObjectNode g = o.putObject("grades");
            g.put("html_url", base + "/courses/" + e.courseId + "/grades/" + e.userId);
            // Real: an enrollment without graded work shows final_score 0.0 with current_score null.
            boolean ungraded = real && !e.state.equals("active") && !e.state.equals("completed");
            putDouble(g, "current_score", ungraded ? null : e.currentScore);
            g.putNull("current_grade");
            putDouble(g, "final_score", ungraded ? Double.valueOf(0.0) : e.finalScore);
            g.putNull("final_grade");
            if (real) {
                putDouble(g, "unposted_current_score", ungraded ? null : e.currentScore);
                g.putNull("unposted_current_grade");
                putDouble(g, "unposted_final_score", ungraded ? Double.valueOf(0.0) : e.finalScore);
                g.putNull("unposted_final_grade");
            }
        }
        ObjectNode user = o.putObject("user");
        user.put("id", u.id);
        user.put("name", u.name());
        if (real) {
            user.put("created_at", local(u.createdAt));
        }
        user.put("sortable_name", u.sortableName());
        user.put("short_name", u.name());
        if (real) {
            if (d.cfg.readSis()) {
                user.put("sis_user_id", u.sisUserId);
                user.put("integration_id", u.integrationId);
            }
            if (d.cfg.viewLoginIds()) {
                user.put("login_id", u.loginId);
            }
            user.put("root_account", d.cfg.domain());
        }
        return o;
    }

    /** A user as listed without include[]=email: Canvas sends the email only when asked for it. */
    ObjectNode user(UserData u) {
        return user(u, false);
    }

    /**
     * A user. The SIS keys and login_id are omitted (not null) when the token lacks the right to
     * read them; email comes only with include[]=email.
     */
    ObjectNode user(UserData u, boolean withEmail) {
        ObjectNode o = Json.object();
        o.put("id", u.id);
        o.put("name", u.name());
        o.put("created_at", local(u.createdAt));
        o.put("sortable_name", u.sortableName());
        o.put("short_name", u.name());
        if (d.cfg.readSis()) {
            o.put("sis_user_id", u.sisUserId);
            o.put("integration_id", u.integrationId);
            o.putNull("sis_import_id");
        }
        if (d.cfg.viewLoginIds()) {
            o.put("login_id", u.loginId);
        }
        if (withEmail || !real) {
            o.put("email", u.loginId);
        }
        if (u.deleted && d.cfg.markDeletedUsers()) {
            o.put("workflow_state", "deleted");
        }
        return o;
    }

    ObjectNode assignment(AssignmentData a) {
        String base = baseUrl.get();
        String url = base + "/courses/" + a.courseId + "/assignments/" + a.id;
        int submitted = 0;
        int needsGrading = 0;
        if (a.published && !a.deleted) {
            for (UserData u : submissions.students(a.courseId, null)) {
                Submission s = submissions.derive(a, u);
                submitted += s.submittedAt() != null ? 1 : 0;
                needsGrading += s.submittedAt() != null && s.gradedAt() == null ? 1 : 0;
            }
        }
        long mix = Math.floorMod(DataGen.mix(d.seed, 71, a.ordinal), 100L);
        Instant lockAt = real && a.dueAt != null && mix < 30 ? a.dueAt.plus(2, java.time.temporal.ChronoUnit.DAYS) : null;
        boolean locked = lockAt != null && lockAt.isBefore(d.dataEnd);
        ObjectNode o = Json.object();
        o.put("id", a.id);
        o.put("name", a.name);
        if (real && mix % 6 == 5) {
            o.putNull("description"); // real assignments without a description send null
        } else {
            o.put("description", a.description);
        }
        o.put("created_at", utc(a.createdAt));
        o.put("updated_at", utc(a.updatedAt));
        o.put("due_at", utc(a.dueAt));
        o.put("lock_at", utc(lockAt));
        o.putNull("unlock_at");
        o.put("has_overrides", false);
        o.put("course_id", a.courseId);
        o.put("html_url", url);
        o.put("submissions_download_url", url + "/submissions?zip=1");
        o.put("assignment_group_id", a.assignmentGroupId);
        o.put("due_date_required", false);
        o.put("max_name_length", 255);
        o.put("peer_reviews", false);
        o.put("automatic_peer_reviews", false);
        o.put("position", a.position);
        o.put("grade_group_students_individually", false);
        o.put("anonymous_peer_reviews", false);
        o.putNull("group_category_id");
        o.put("post_to_sis", false);
        o.put("moderated_grading", false);
        o.put("omit_from_final_grade", false);
        o.put("intra_group_peer_reviews", false);
        o.put("anonymous_instructor_annotations", false);
        o.put("anonymous_grading", false);
        o.put("graders_anonymous_to_graders", false);
        o.put("grader_count", 0);
        o.put("grader_comments_visible_to_graders", true);
        o.putNull("final_grader_id");
        o.put("grader_names_visible_to_final_grader", true);
        o.put("allowed_attempts", -1);
        o.put("secure_params", "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9." + shortCode(a.id, 24));
        if (real && a.pointsPossible == Math.rint(a.pointsPossible)) {
            o.put("points_possible", (long) a.pointsPossible); // a JSON integer when whole: 10, not 10.0
        } else {
            o.put("points_possible", a.pointsPossible);
        }
        o.put("grading_type", "points");
        o.putNull("grading_standard_id");
        ArrayNode types = o.putArray("submission_types");
        a.submissionTypes.forEach(types::add);
        o.put("has_submitted_submissions", submitted > 0);
        o.put("in_closed_grading_period", false);
        o.put("is_quiz_assignment", false);
        o.put("can_duplicate", true);
        o.putNull("original_course_id");
        o.putNull("original_assignment_id");
        o.putNull("original_assignment_name");
        o.putNull("original_quiz_id");
        o.put("workflow_state", a.published ? "published" : "unpublished");
        o.put("muted", real); // post policies: real assignments read muted:true
        o.put("published", a.published);
        o.put("unpublishable", submitted == 0);
        o.put("only_visible_to_overrides", false);
        o.put("locked_for_user", locked);
        if (locked) {
            ObjectNode info = o.putObject("lock_info");
            info.put("lock_at", utc(lockAt));
            info.put("can_view", true);
            info.put("asset_string", "assignment_" + a.id);
            o.put("lock_explanation", "This assignment was locked "
                    + DateTimeFormatter.ofPattern("MMM d 'at' h:mma", java.util.Locale.ENGLISH)
                    .withZone(d.cfg.timeZone()).format(lockAt).replace("AM", "am").replace("PM", "pm") + ".");
        }
        o.put("needs_grading_count", needsGrading);
        o.putNull("sis_assignment_id");
        o.putNull("integration_id");
        o.putObject("integration_data");
        o.put("post_manually", false);
        o.put("anonymize_students", false);
        o.put("require_lockdown_browser", false);
        o.put("anonymous_submissions", false);
        if (real) {
            o.put("graded_submissions_exist", a.published && gradedAny(a));
            o.put("hide_in_gradebook", false);
            o.put("important_dates", false);
            o.put("restrict_quantitative_data", false);
            o.putNull("annotatable_attachment_id");
            o.put("lti_context_id", uuidLike(a.id));
            o.putNull("original_lti_resource_link_id");
            o.put("visible_to_everyone", true);
        }
        return o;
    }

    private boolean gradedAny(AssignmentData a) {
        for (UserData u : submissions.students(a.courseId, null)) {
            if (submissions.derive(a, u).gradedAt() != null) {
                return true;
            }
        }
        return false;
    }

    private String uuidLike(long id) {
        SplittableRandom r = DataGen.rng(d.seed, 61, id);
        return DataGen.letters(r, 8).toLowerCase(java.util.Locale.ROOT) + "-" + DataGen.digits(r, 4) + "-"
                + DataGen.digits(r, 4) + "-" + DataGen.letters(r, 4).toLowerCase(java.util.Locale.ROOT) + "-"
                + DataGen.digits(r, 12);
    }

    ObjectNode submission(Submission s) {
        AssignmentData a = s.assignment();
        String base = baseUrl.get();
        ObjectNode o = Json.object();
        o.put("id", s.id());
        o.putNull("body");
        o.putNull("url");
        o.put("grade", grade(s.score()));
        putDouble(o, "score", s.score());
        o.put("submitted_at", utc(s.submittedAt()));
        o.put("assignment_id", a.id);
        o.put("user_id", s.user().id);
        o.put("submission_type", s.submittedAt() == null ? null : a.submissionTypes.get(0));
        o.put("workflow_state", s.workflowState());
        o.put("grade_matches_current_submission", true);
        o.put("graded_at", utc(s.gradedAt()));
        putLong(o, "grader_id", s.graderId());
        if (s.attempt() == 0) {
            o.putNull("attempt");
        } else {
            o.put("attempt", s.attempt());
        }
        o.put("cached_due_date", utc(a.dueAt));
        if (real) {
            o.putNull("excused"); // null in 2024-25 samples (false in 2021)
        } else {
            o.put("excused", false);
        }
        o.putNull("late_policy_status");
        o.putNull("points_deducted");
        o.putNull("grading_period_id");
        o.putNull("extra_attempts");
        o.put("posted_at", utc(s.gradedAt()));
        o.put("late", s.late());
        o.put("missing", s.missing());
        o.put("seconds_late", s.late() ? a.dueAt.until(s.submittedAt(), java.time.temporal.ChronoUnit.SECONDS) : 0);
        o.put("entered_grade", grade(s.score()));
        putDouble(o, "entered_score", s.score());
        o.put("preview_url", base + "/courses/" + a.courseId + "/assignments/" + a.id + "/submissions/"
                + s.user().id + "?preview=1&version=" + Math.max(0, s.attempt()));
        o.put("anonymous_id", shortCode(s.id(), 5));
        if (real) {
            o.put("redo_request", false);
            o.putNull("custom_grade_status_id");
            o.putNull("sticker");
            if (s.submittedAt() != null && a.submissionTypes.contains("online_upload")) {
                attachments(o.putArray("attachments"), s);
            }
        }
        return o;
    }

    /** The files of an upload: one or two, stamped a few seconds after the hand-in. */
    private void attachments(ArrayNode list, Submission s) {
        SplittableRandom r = DataGen.rng(d.seed, 62, s.id());
        int n = 1 + r.nextInt(2);
        String base = baseUrl.get();
        for (int k = 0; k < n; k++) {
            long id = 1_391_000_000L + Math.floorMod(s.id() * 2 + k, 600_000_000L);
            boolean pdf = r.nextBoolean();
            String name = (pdf ? "essay_draft" : "photo") + (k + 1) + (pdf ? ".pdf" : ".png");
            Instant at = s.submittedAt().plusSeconds(2 + k);
            ObjectNode f = list.addObject();
            f.put("id", id);
            f.put("uuid", DataGen.letters(r, 20) + DataGen.digits(r, 20));
            f.put("folder_id", 9_000_000L + s.user().ordinal);
            f.put("display_name", name);
            f.put("filename", name);
            f.put("upload_status", "success");
            f.put("content-type", pdf ? "application/pdf" : "image/png");
            f.put("url", base + "/files/" + id + "/download?download_frd=1&verifier=" + DataGen.letters(r, 16));
            f.put("size", 20_000 + r.nextInt(900_000));
            f.put("created_at", utc(at));
            f.put("updated_at", utc(at));
            f.putNull("unlock_at");
            f.put("locked", false);
            f.put("hidden", false);
            f.putNull("lock_at");
            f.put("hidden_for_user", false);
            f.putNull("thumbnail_url");
            f.put("modified_at", utc(at));
            f.put("mime_class", pdf ? "pdf" : "image");
            f.putNull("media_entry_id");
            f.put("locked_for_user", false);
            f.put("preview_url", base + "/api/v1/canvadoc_session?blob=" + DataGen.letters(r, 12));
        }
    }

    ObjectNode authEvent(AuthEvent e) {
        ObjectNode o = Json.object();
        o.put("id", e.id());
        o.put("created_at", local(e.createdAt()));
        o.put("event_type", e.eventType());
        o.put("pseudonym_id", e.pseudonymId());
        o.put("account_id", e.accountId());
        o.put("user_id", e.userId());
        ObjectNode links = o.putObject("links");
        links.put("login", e.pseudonymId());
        links.put("account", e.accountId());
        links.put("user", e.userId());
        links.putNull("page_view");
        return o;
    }

    /** The compound document the authentication audit API answers with. */
    ObjectNode authEventsDocument(Collection<AuthEvent> events) {
        String api = baseUrl.get() + "/api/v1";
        ObjectNode doc = Json.object();
        ObjectNode links = doc.putObject("links");
        links.put("events.login", api + "/logins/{events.login}");
        links.put("events.account", api + "/accounts/{events.account}");
        links.put("events.user", api + "/users/{events.user}");
        links.putNull("events.page_view");
        ArrayNode list = doc.putArray("events");
        Map<Long, UserData> users = new LinkedHashMap<>();
        for (AuthEvent e : events) {
            list.add(authEvent(e));
            users.putIfAbsent(e.userId(), d.usersById.get(e.userId()));
        }
        ObjectNode linked = doc.putObject("linked");
        ArrayNode logins = linked.putArray("logins");
        for (UserData u : users.values()) {
            ObjectNode l = logins.addObject();
            l.put("id", u.pseudonymId());
            l.put("account_id", District.ROOT_ACCOUNT_ID);
            l.put("unique_id", u.loginId);
            l.put("user_id", u.id);
            l.put("sis_user_id", u.sisUserId);
            l.put("integration_id", u.integrationId);
        }
        ArrayNode accounts = linked.putArray("accounts");
        if (!events.isEmpty()) {
            accounts.add(account(d.rootAccount()));
        }
        linked.putArray("page_views");
        ArrayNode userList = linked.putArray("users");
        users.values().forEach(u -> userList.add(user(u)));
        return doc;
    }

    static String grade(Double score) {
        if (score == null) {
            return null;
        }
        return score == Math.rint(score) ? String.valueOf(score.longValue()) : String.valueOf(score);
    }

    private String shortCode(long id, int n) {
        SplittableRandom r = DataGen.rng(d.seed, 60, id);
        return DataGen.letters(r, n);
    }

    private static void putLong(ObjectNode o, String name, Long v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v.longValue());
        }
    }

    private static void putDouble(ObjectNode o, String name, Double v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v.doubleValue());
        }
    }
}
