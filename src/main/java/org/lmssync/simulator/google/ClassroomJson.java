package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.DataGen;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.Shapes;
import org.lmssync.simulator.Timestamps;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Renders district state as Classroom JSON. Proto3 JSON rules apply: fields with default values
 * (false, empty) are left out. Caller holds the district read lock.
 */
final class ClassroomJson {
    private static final String LINK = "https://classroom.google.com/c/";
    private final District d;
    private final boolean real;

    ClassroomJson(District d) {
        this.d = d;
        this.real = d.cfg.shapes() == Shapes.REAL;
    }

    /** A submission's place: one student on one course work. */
    record SubmissionKey(CourseData course, CourseWorkData work, Enrollment student) {
    }

    ObjectNode course(CourseData c) {
        ObjectNode o = Json.object();
        o.put("id", c.id);
        o.put("name", c.name);
        o.put("section", c.section);
        o.put("descriptionHeading", c.name);
        o.put("room", c.room);
        if (c.ownerId != null) {
            o.put("ownerId", c.ownerId);
        }
        o.put("creationTime", ts(c.creationTime));
        o.put("updateTime", ts(c.updateTime));
        o.put("enrollmentCode", c.enrollmentCode);
        o.put("courseState", c.state);
        o.put("alternateLink", LINK + b64(c.id));
        String slug = c.subject.replaceAll("[^A-Za-z]", "_");
        o.put("teacherGroupEmail", slug + "_teachers_" + c.enrollmentCode + "@" + d.cfg.domain());
        o.put("courseGroupEmail", slug + "_" + c.enrollmentCode + "@" + d.cfg.domain());
        if (c.ordinal % 3 == 0) {
            o.put("guardiansEnabled", true);
        }
        o.put("calendarId", "classroom" + c.id + "@group.calendar.google.com");
        ObjectNode folder = o.putObject("teacherFolder");
        folder.put("id", "0B-" + b64(c.id + "/teachers"));
        folder.put("title", c.name);
        folder.put("alternateLink", "https://drive.google.com/drive/folders/0B-" + b64(c.id + "/teachers"));
        return o;
    }

    ObjectNode rosterEntry(CourseData c, Enrollment e, boolean student, boolean withEmail) {
        SimUser u = d.user(e.userIndex());
        ObjectNode o = Json.object();
        o.put("courseId", c.id);
        o.put("userId", u.id());
        o.set("profile", profile(u, withEmail));
        if (student) {
            o.putObject("studentWorkFolder").put("id", "0B-" + b64(c.id + "/" + u.id()));
        }
        return o;
    }

    ObjectNode profile(SimUser u, boolean withEmail) {
        ObjectNode p = Json.object();
        p.put("id", u.id());
        p.putObject("name").put("givenName", u.givenName()).put("familyName", u.familyName())
                .put("fullName", u.fullName());
        if (withEmail) {
            p.put("emailAddress", u.email());
        }
        p.put("photoUrl", "//lh3.googleusercontent.com/a/default-user");
        if (u.teacher()) {
            p.put("verifiedTeacher", true);
        }
        return p;
    }

    ObjectNode courseWork(CourseWorkData w) {
        ObjectNode o = Json.object();
        o.put("courseId", w.courseId);
        o.put("id", w.id);
        o.put("title", w.title);
        if (w.description != null) {
            o.put("description", w.description);
        }
        o.put("state", w.state);
        o.put("alternateLink", LINK + b64(w.courseId) + "/a/" + b64(w.id) + "/details");
        o.put("creationTime", ts(w.creationTime));
        o.put("updateTime", ts(w.updateTime));
        if (w.dueDate != null) {
            o.putObject("dueDate").put("year", w.dueDate.getYear()).put("month", w.dueDate.getMonthValue())
                    .put("day", w.dueDate.getDayOfMonth());
            ObjectNode t = o.putObject("dueTime");
            if (w.dueTime.getHour() != 0) {
                t.put("hours", w.dueTime.getHour());
            }
            if (w.dueTime.getMinute() != 0) {
                t.put("minutes", w.dueTime.getMinute());
            }
        }
        if (w.maxPoints > 0) {
            o.put("maxPoints", w.maxPoints);
        }
        o.put("workType", w.workType);
        if (real && w.workType.equals("ASSIGNMENT")) {
            ObjectNode folder = o.putObject("assignment").putObject("studentWorkFolder");
            folder.put("id", "0B-" + b64(w.id + "/folder"));
            folder.put("title", w.title);
            folder.put("alternateLink", "https://drive.google.com/drive/folders/0B-" + b64(w.id + "/folder"));
        }
        if (real) {
            materials(o, w);
        }
        o.put("submissionModificationMode", "MODIFIABLE_UNTIL_TURNED_IN");
        o.put("assigneeMode", "ALL_STUDENTS");
        if (w.creatorUserId != null) {
            o.put("creatorUserId", w.creatorUserId);
        }
        return o;
    }

    /** About two in five course works carry materials: links, Drive files or both (none is an omitted list). */
    private void materials(ObjectNode o, CourseWorkData w) {
        SplittableRandom r = DataGen.rng(d.seed, 55, w.ordinal);
        int kind = r.nextInt(5);
        if (kind >= 2) {
            return;
        }
        ArrayNode list = o.putArray("materials");
        ObjectNode link = list.addObject().putObject("link");
        String path = "unit-" + (1 + r.nextInt(12)) + "/reading-" + (1 + r.nextInt(40));
        link.put("url", "https://www.example.org/" + path);
        link.put("title", "Reading " + path.substring(path.lastIndexOf('-') + 1));
        link.put("thumbnailUrl", "https://classroom.google.com/webthumbnail?url=https://www.example.org/" + path);
        if (kind == 1) {
            ObjectNode file = list.addObject().putObject("driveFile");
            ObjectNode inner = file.putObject("driveFile");
            String id = "1" + DataGen.letters(r, 10) + DataGen.digits(r, 8);
            inner.put("id", id);
            inner.put("title", "Handout " + (w.ordinal + 1) + ".pdf");
            inner.put("alternateLink", "https://drive.google.com/open?id=" + id);
            inner.put("thumbnailUrl", "https://drive.google.com/thumbnail?id=" + id + "&sz=s200");
            file.put("shareMode", "VIEW");
        }
    }

    static String submissionId(CourseWorkData w, SimUser u) {
        return "Cg4I" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((w.ordinal + ":" + u.index()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The generated submission state, with any edit applied on top. */
    record SubmissionState(String state, Instant creationTime, Instant updateTime, Instant turnedIn,
                           boolean late, Double assignedGrade, boolean edited, Untidy untidy) {
    }

    /**
     * What real submissions have and tidy ones lack: the first stateTimestamp a little before
     * creationTime, repeated draft grades, a resubmission cycle, a file handed in. None under
     * {@link Shapes#DOCUMENTED}.
     */
    record Untidy(long createdLeadMs, int draftGrades, boolean resubmitted, boolean attachment) {
        static final Untidy NONE = new Untidy(0, 0, false, false);
    }

    SubmissionState state(SubmissionKey k) {
        SimUser u = d.user(k.student().userIndex());
        SplittableRandom r = DataGen.rng(d.seed, 50, k.work().ordinal, u.index());
        Instant base = District.max(k.work().creationTime, k.student().enrolledAt());
        Instant created;
        Instant updated;
        if (base.isBefore(d.dataEnd)) {
            long room = d.dataEnd.toEpochMilli() - base.toEpochMilli();
            created = base.plusMillis(r.nextLong(Math.max(1, Math.min(room, 2 * 86_400_000L))));
            updated = created.plusMillis(r.nextLong(Math.max(1, d.dataEnd.toEpochMilli() - created.toEpochMilli())));
        } else {
            // Work or enrollment added by a change set after the generated term.
            created = base;
            updated = base;
        }
        int p = r.nextInt(100);
        String state = p < 5 ? "NEW" : p < 30 ? "CREATED" : p < 65 ? "TURNED_IN" : p < 95 ? "RETURNED" : "RECLAIMED_BY_STUDENT";
        Instant turnedIn = created.plusMillis((updated.toEpochMilli() - created.toEpochMilli()) / 2);
        boolean late = !state.equals("NEW") && !state.equals("CREATED") && r.nextInt(8) == 0;
        Double grade = state.equals("RETURNED") && k.work().maxPoints > 0
                ? Math.round(r.nextDouble() * k.work().maxPoints * 100) / 100.0 : null;
        Untidy untidy = Untidy.NONE;
        if (real) {
            // Its own stream, so the draws above keep their values.
            SplittableRandom t = DataGen.rng(d.seed, 52, k.work().ordinal, u.index());
            if (state.equals("CREATED") && t.nextInt(4) == 0) {
                updated = created.minusMillis(5 + t.nextInt(60)); // updateTime a few ms before creationTime
            }
            if (state.equals("CREATED") && pastDue(k.work()) && t.nextInt(2) == 0) {
                late = true; // never turned in, past due: real data says late
            }
            if (grade != null && t.nextInt(6) == 0) {
                grade = null; // RETURNED without any grade
            }
            int drafts = grade != null ? 1 + t.nextInt(3) : 0;
            boolean resubmitted = state.equals("RETURNED") && t.nextInt(5) == 0;
            boolean attachment = k.work().workType.equals("ASSIGNMENT") && !state.equals("NEW")
                    && !state.equals("CREATED") && t.nextInt(3) == 0;
            untidy = new Untidy(1 + t.nextInt(1500), drafts, resubmitted, attachment);
        }
        SubmissionEdit edit = d.submissionEdits.get(submissionId(k.work(), u));
        if (edit == null) {
            return new SubmissionState(state, created, updated, turnedIn, late, grade, false, untidy);
        }
        return new SubmissionState(edit.state() != null ? edit.state() : state, created, edit.updateTime(),
                turnedIn, late, edit.assignedGrade() != null ? edit.assignedGrade() : grade, true, untidy);
    }

    ObjectNode submission(SubmissionKey k) {
        CourseWorkData w = k.work();
        SimUser u = d.user(k.student().userIndex());
        SubmissionState s = state(k);
        ObjectNode o = Json.object();
        o.put("courseId", k.course().id);
        o.put("courseWorkId", w.id);
        o.put("id", submissionId(w, u));
        o.put("userId", u.id());
        boolean untouched = s.state().equals("NEW") && !s.edited() && d.cfg.omitTimesOnNewSubmissions();
        if (!untouched) {
            o.put("creationTime", ts(s.creationTime()));
            o.put("updateTime", ts(s.updateTime()));
        }
        o.put("state", s.state());
        if (s.late()) {
            o.put("late", true);
        }
        if (s.assignedGrade() != null) {
            o.put("draftGrade", s.assignedGrade());
            o.put("assignedGrade", s.assignedGrade());
        }
        o.put("alternateLink", LINK + b64(k.course().id) + "/a/" + b64(w.id)
                + "/submissions/by-status/and-sort-first-name/student/" + b64(u.id()));
        o.put("courseWorkType", w.workType);
        if (w.workType.equals("ASSIGNMENT")) {
            ObjectNode sub = o.putObject("assignmentSubmission");
            if (s.untidy().attachment()) {
                String id = "1" + b64(o.get("id").asText()).replace("-", "x").replace("_", "y");
                ObjectNode file = sub.putArray("attachments").addObject().putObject("driveFile");
                file.put("id", id);
                file.put("title", u.familyName() + " - work " + (w.ordinal + 1) + ".docx"); // named when handed in: a later rename of the work leaves it
                file.put("alternateLink", "https://drive.google.com/open?id=" + id);
                file.put("thumbnailUrl", "https://drive.google.com/thumbnail?id=" + id + "&sz=s200");
            }
        }
        if (!untouched) {
            history(o.putArray("submissionHistory"), s, u, w, k.course());
        }
        return o;
    }

    private void history(ArrayNode h, SubmissionState s, SimUser u, CourseWorkData w, CourseData c) {
        Untidy x = s.untidy();
        // Real histories start a little before the submission's creationTime.
        stateEntry(h, "CREATED", s.creationTime().minusMillis(x.createdLeadMs()), u.id());
        switch (s.state()) {
            case "TURNED_IN", "RETURNED", "RECLAIMED_BY_STUDENT" -> {
                stateEntry(h, "TURNED_IN", s.turnedIn(), u.id());
                if (s.state().equals("RETURNED") && !real) {
                    if (s.assignedGrade() != null) {
                        ObjectNode g = h.addObject().putObject("gradeHistory");
                        g.put("pointsEarned", s.assignedGrade()).put("maxPoints", w.maxPoints)
                                .put("gradeTimestamp", ts(s.updateTime()))
                                .put("actorUserId", String.valueOf(c.ownerId))
                                .put("gradeChangeType", "ASSIGNED_GRADE_POINTS_EARNED_CHANGE");
                    }
                    stateEntry(h, "RETURNED", s.updateTime(), String.valueOf(c.ownerId));
                } else if (s.state().equals("RETURNED")) {
                    realReturn(h, s, w, c, u.id());
                } else if (s.state().equals("RECLAIMED_BY_STUDENT")) {
                    stateEntry(h, "RECLAIMED_BY_STUDENT", s.updateTime(), u.id());
                }
            }
            default -> {
            }
        }
    }

    /**
     * A return as real histories show it: draft grades (some repeated), the RETURNED state, and
     * the ASSIGNED grade after it; sometimes a first return and a second hand-in before that.
     */
    private void realReturn(ArrayNode h, SubmissionState s, CourseWorkData w, CourseData c, String student) {
        Untidy x = s.untidy();
        String teacher = String.valueOf(c.ownerId);
        long span = Math.max(8, s.updateTime().toEpochMilli() - s.turnedIn().toEpochMilli());
        Instant at = s.turnedIn();
        if (x.resubmitted()) {
            at = at.plusMillis(span / 4);
            stateEntry(h, "RETURNED", at, teacher);
            at = at.plusMillis(span / 4);
            stateEntry(h, "TURNED_IN", at, student);
        }
        Instant draftAt = at.plusMillis(Math.max(1, (s.updateTime().toEpochMilli() - at.toEpochMilli()) / 2));
        for (int i = 0; i < x.draftGrades(); i++) {
            // a repeated draft grade: same points, sometimes the very same timestamp
            gradeEntry(h, s.assignedGrade(), w, i % 2 == 0 ? draftAt : draftAt.plusMillis(1000L * i), teacher,
                    "DRAFT_GRADE_POINTS_EARNED_CHANGE");
        }
        stateEntry(h, "RETURNED", s.updateTime(), teacher);
        if (s.assignedGrade() != null) {
            gradeEntry(h, s.assignedGrade(), w, s.updateTime(), teacher, "ASSIGNED_GRADE_POINTS_EARNED_CHANGE");
        }
    }

    private void gradeEntry(ArrayNode h, Double points, CourseWorkData w, Instant at, String actor, String type) {
        ObjectNode g = h.addObject().putObject("gradeHistory");
        g.put("pointsEarned", points).put("maxPoints", w.maxPoints).put("gradeTimestamp", ts(at))
                .put("actorUserId", actor).put("gradeChangeType", type);
    }

    private boolean pastDue(CourseWorkData w) {
        return w.dueDate != null && w.dueDate.atTime(w.dueTime).toInstant(java.time.ZoneOffset.UTC).isBefore(d.dataEnd);
    }

    private void stateEntry(ArrayNode h, String state, Instant at, String actor) {
        h.addObject().putObject("stateHistory").put("state", state)
                .put("stateTimestamp", ts(at)).put("actorUserId", actor);
    }

    private String ts(Instant t) {
        return d.cfg.alwaysMillisTimestamps() ? Timestamps.rfc3339Millis(t) : Timestamps.rfc3339(t);
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
