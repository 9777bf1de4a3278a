package org.lmssync.simulator.schoology;

import org.lmssync.simulator.SimClock;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Edits to the simulated school. Each call holds the district write lock, so it is atomic;
 * {@link SchoologySimulator#applyChanges} holds it across a whole batch. Unknown ids throw
 * IllegalArgumentException. Times (inactive_timestamp, revision created) come from the simulator clock.
 */
public final class SchoologyChanges {
    private final District d;
    private final SimClock clock;

    SchoologyChanges(District d, SimClock clock) {
        this.d = d;
        this.clock = clock;
    }

    // ---- users ----

    /** Adds an active student (or teacher); returns the uid. */
    public long addUser(String nameFirst, String nameLast, boolean teacher) {
        return d.write(() -> d.newUser(nameFirst, nameLast, teacher ? Roles.TEACHER : Roles.STUDENT).uid);
    }

    public void renameUser(long uid, String nameFirst, String nameLast) {
        d.write(() -> {
            UserData u = user(uid);
            u.nameFirst = nameFirst;
            u.nameLast = nameLast;
            return null;
        });
    }

    /** Schoology's user delete: gone from users, listed by users/inactive with inactive_timestamp now. */
    public void deactivateUser(long uid) {
        d.write(() -> {
            UserData u = user(uid);
            if (!u.active) {
                throw new IllegalArgumentException("user " + uid + " is already inactive");
            }
            u.active = false;
            u.inactiveTimestamp = now();
            u.modifiedByUid = d.adminUid;
            return null;
        });
    }

    /** Brings an inactive user back into users. */
    public void reactivateUser(long uid) {
        d.write(() -> {
            UserData u = user(uid);
            u.active = true;
            u.inactiveTimestamp = 0;
            return null;
        });
    }

    // ---- courses and sections ----

    public long addCourse(String title) {
        return d.write(() -> d.newCourse(title).id);
    }

    public void renameCourse(long courseId, String title) {
        d.write(() -> {
            CourseData c = course(courseId);
            c.title = title;
            return null;
        });
    }

    /** Hard delete: the course and all its sections disappear and answer 404. */
    public void deleteCourse(long courseId) {
        d.write(() -> {
            CourseData c = course(courseId);
            c.sections.keySet().forEach(d.sections::remove);
            d.courses.remove(courseId);
            return null;
        });
    }

    /** Adds an active section in the current full-year grading period (and first term); returns its id. */
    public long addSection(long courseId, String title) {
        return d.write(() -> {
            SectionData s = d.newSection(course(courseId), title);
            s.gradingPeriodIds.add(d.fullYearPeriodId);
            if (!d.termIds.isEmpty()) {
                s.gradingPeriodIds.add(d.termIds.get(0));
            }
            return s.id;
        });
    }

    public void renameSection(long sectionId, String title) {
        d.write(() -> {
            section(sectionId).title = title;
            return null;
        });
    }

    /** The section's {@code active} flag (0/1); the section stays listed either way. */
    public void setSectionActive(long sectionId, boolean active) {
        d.write(() -> {
            section(sectionId).active = active;
            return null;
        });
    }

    /**
     * Puts the section in last year's grading period only: it leaves the default sections listing
     * but is still served with include_past=1 and by its own URLs. Not a deletion.
     */
    public void moveSectionToPastGradingPeriod(long sectionId) {
        d.write(() -> {
            SectionData s = section(sectionId);
            s.gradingPeriodIds.clear();
            s.gradingPeriodIds.add(d.pastPeriodId);
            return null;
        });
    }

    /** Hard delete: gone from every listing (include_past too) and its URLs answer 404. */
    public void deleteSection(long sectionId) {
        d.write(() -> {
            SectionData s = section(sectionId);
            s.course.sections.remove(sectionId);
            d.sections.remove(sectionId);
            return null;
        });
    }

    // ---- enrollments ----

    /** Enrolls a user as an active student; returns the enrollment id. */
    public long addEnrollment(long sectionId, long uid) {
        return addEnrollment(sectionId, uid, false, EnrollmentStatus.ACTIVE);
    }

    /** @param admin true for a teacher/admin enrollment; @param status see {@link EnrollmentStatus} */
    public long addEnrollment(long sectionId, long uid, boolean admin, int status) {
        EnrollmentStatus.check(status);
        return d.write(() -> {
            SectionData s = section(sectionId);
            user(uid);
            return d.newEnrollment(s, uid, admin, status).id;
        });
    }

    /** For example {@link EnrollmentStatus#EXPIRED} or {@link EnrollmentStatus#ARCHIVED}. */
    public void setEnrollmentStatus(long sectionId, long enrollmentId, int status) {
        EnrollmentStatus.check(status);
        d.write(() -> {
            enrollment(sectionId, enrollmentId).status = status;
            return null;
        });
    }

    public void deleteEnrollment(long sectionId, long enrollmentId) {
        d.write(() -> {
            enrollment(sectionId, enrollmentId);
            section(sectionId).enrollments.remove(enrollmentId);
            return null;
        });
    }

    // ---- assignments and submissions ----

    /** Adds a 100-point assignment due a week after today; returns its id (also its grade_item_id). */
    public long addAssignment(long sectionId, String title) {
        return d.write(() -> {
            SectionData s = section(sectionId);
            AssignmentData a = d.newAssignment(s, title);
            a.description = "";
            a.due = d.todayLocked().plusDays(7).atTime(LocalTime.of(23, 59));
            a.maxPoints = 100;
            a.gradingPeriodId = s.gradingPeriodIds.isEmpty() ? d.fullYearPeriodId
                    : s.gradingPeriodIds.get(s.gradingPeriodIds.size() - 1);
            a.lastUpdated = now();
            return a.id;
        });
    }

    /** Null arguments keep the current value. */
    public void editAssignment(long sectionId, long assignmentId, String title, Integer maxPoints) {
        d.write(() -> {
            AssignmentData a = assignment(sectionId, assignmentId);
            if (title != null) {
                a.title = title;
            }
            if (maxPoints != null) {
                a.maxPoints = maxPoints;
            }
            a.lastUpdated = now();
            return null;
        });
    }

    public void deleteAssignment(long sectionId, long assignmentId) {
        d.write(() -> {
            assignment(sectionId, assignmentId);
            section(sectionId).assignments.remove(assignmentId);
            return null;
        });
    }

    /**
     * A user submits (or resubmits): a new revision created now, late when now is past the due
     * time. The default listing shows only this latest revision. Returns its revision_id.
     */
    public int submit(long sectionId, long assignmentId, long uid) {
        return d.write(() -> {
            AssignmentData a = assignment(sectionId, assignmentId);
            user(uid);
            SubmissionData sub = a.submissions.computeIfAbsent(uid, SubmissionData::new);
            long now = now();
            boolean late = a.due != null && now > a.due.toEpochSecond(ZoneOffset.UTC);
            int revision = sub.revisions.size() + 1;
            sub.revisions.add(new SubmissionData.Revision(revision, now, 1, late, false));
            return revision;
        });
    }

    /** Changes the late/draft flags of the user's latest revision in place. */
    public void editSubmission(long sectionId, long assignmentId, long uid, boolean late, boolean draft) {
        d.write(() -> {
            SubmissionData sub = submission(sectionId, assignmentId, uid);
            SubmissionData.Revision r = sub.latest();
            sub.revisions.set(sub.revisions.size() - 1,
                    new SubmissionData.Revision(r.revisionId(), r.created(), r.numItems(), late, draft));
            return null;
        });
    }

    /** Removes all of the user's revisions for the assignment. */
    public void deleteSubmission(long sectionId, long assignmentId, long uid) {
        d.write(() -> {
            submission(sectionId, assignmentId, uid);
            assignment(sectionId, assignmentId).submissions.remove(uid);
            return null;
        });
    }

    // ---- attendance ----

    /**
     * Records (or replaces) an enrollment's attendance on a date.
     *
     * @param status see {@link AttendanceStatus}; Schoology normally records only negative ones
     */
    public void addAttendance(long sectionId, LocalDate date, long enrollmentId, int status, String comment) {
        AttendanceStatus.check(status);
        d.write(() -> {
            enrollment(sectionId, enrollmentId);
            Map<Long, AttendanceMark> day = section(sectionId).attendance
                    .computeIfAbsent(date, k -> new java.util.LinkedHashMap<>());
            day.put(enrollmentId, new AttendanceMark(enrollmentId, date, status, comment == null ? "" : comment));
            return null;
        });
    }

    public void removeAttendance(long sectionId, LocalDate date, long enrollmentId) {
        d.write(() -> {
            SectionData s = section(sectionId);
            Map<Long, AttendanceMark> day = s.attendance.get(date);
            if (day == null || day.remove(enrollmentId) == null) {
                throw new IllegalArgumentException("no attendance for enrollment " + enrollmentId + " on " + date);
            }
            if (day.isEmpty()) {
                s.attendance.remove(date);
            }
            return null;
        });
    }

    /** Moves "today", which decides which grading periods (and so sections) are past. */
    public void setToday(LocalDate today) {
        d.setToday(today);
    }

    // ---- lookups ----

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private UserData user(long uid) {
        UserData u = d.users.get(uid);
        if (u == null) {
            throw new IllegalArgumentException("no user " + uid);
        }
        return u;
    }

    private CourseData course(long id) {
        CourseData c = d.courses.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no course " + id);
        }
        return c;
    }

    private SectionData section(long id) {
        SectionData s = d.sections.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no section " + id);
        }
        return s;
    }

    private EnrollmentData enrollment(long sectionId, long enrollmentId) {
        EnrollmentData e = section(sectionId).enrollments.get(enrollmentId);
        if (e == null) {
            throw new IllegalArgumentException("no enrollment " + enrollmentId + " in section " + sectionId);
        }
        return e;
    }

    private AssignmentData assignment(long sectionId, long assignmentId) {
        AssignmentData a = section(sectionId).assignments.get(assignmentId);
        if (a == null) {
            throw new IllegalArgumentException("no assignment " + assignmentId + " in section " + sectionId);
        }
        return a;
    }

    private SubmissionData submission(long sectionId, long assignmentId, long uid) {
        SubmissionData s = assignment(sectionId, assignmentId).submissions.get(uid);
        if (s == null || s.revisions.isEmpty()) {
            throw new IllegalArgumentException("no submission by " + uid + " to " + assignmentId);
        }
        return s;
    }
}
