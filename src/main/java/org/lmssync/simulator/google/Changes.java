package org.lmssync.simulator.google;

import org.lmssync.simulator.SimClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Edits to the simulated district. Each call holds the district write lock, so it is atomic;
 * {@link GoogleSimulator#applyChanges} holds it across a whole batch. Edits stamp updateTime
 * with the simulator clock.
 */
public final class Changes {
    private final District d;
    private final SimClock clock;

    Changes(District d, SimClock clock) {
        this.d = d;
        this.clock = clock;
    }

    /** Adds an ACTIVE course owned by no one yet; returns its id. */
    public String addCourse(String name) {
        return addCourse(name, "ACTIVE");
    }

    public String addCourse(String name, String state) {
        checkState(state, ClassroomApi.COURSE_STATES);
        return d.write(() -> {
            Instant now = now(null);
            CourseData c = d.newCourse(now, name.split(" ")[0]);
            c.name = name;
            c.section = "Period 1";
            c.room = "100";
            c.state = state;
            c.updateTime = now;
            return c.id;
        });
    }

    public void renameCourse(String courseId, String name) {
        d.write(() -> {
            CourseData c = course(courseId);
            c.name = name;
            c.updateTime = now(c.updateTime);
            return null;
        });
    }

    /** For example ARCHIVED; Classroom has no DELETED course state, see {@link #deleteCourse}. */
    public void setCourseState(String courseId, String state) {
        checkState(state, ClassroomApi.COURSE_STATES);
        d.write(() -> {
            CourseData c = course(courseId);
            c.state = state;
            c.updateTime = now(c.updateTime);
            return null;
        });
    }

    /** Deleted courses vanish from every list and answer 404, as in Classroom. */
    public void deleteCourse(String courseId) {
        d.write(() -> {
            course(courseId);
            d.courses.remove(courseId);
            return null;
        });
    }

    /** Adds a domain user (they also appear in usage reports); returns the user id. */
    public String addUser(String givenName, String familyName) {
        return d.write(() -> d.addUser(givenName, familyName, false).id());
    }

    public void addStudent(String courseId, String userIdOrEmail) {
        enroll(courseId, userIdOrEmail, true, true);
    }

    public void removeStudent(String courseId, String userIdOrEmail) {
        enroll(courseId, userIdOrEmail, true, false);
    }

    public void addTeacher(String courseId, String userIdOrEmail) {
        enroll(courseId, userIdOrEmail, false, true);
    }

    public void removeTeacher(String courseId, String userIdOrEmail) {
        enroll(courseId, userIdOrEmail, false, false);
    }

    /** Adds PUBLISHED course work due in a week; returns its id. */
    public String addCourseWork(String courseId, String title) {
        return addCourseWork(courseId, title, "PUBLISHED");
    }

    public String addCourseWork(String courseId, String title, String state) {
        checkState(state, ClassroomApi.COURSEWORK_STATES);
        return d.write(() -> {
            CourseData c = course(courseId);
            Instant now = now(null);
            CourseWorkData w = d.newCourseWork(c, now, 100,
                    LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(7), java.time.LocalTime.of(23, 59),
                    "ASSIGNMENT");
            w.title = title;
            w.state = state;
            w.updateTime = now;
            return w.id;
        });
    }

    public void editCourseWork(String courseId, String courseWorkId, String title) {
        d.write(() -> {
            CourseWorkData w = courseWork(courseId, courseWorkId);
            w.title = title;
            w.updateTime = now(w.updateTime);
            return null;
        });
    }

    public void setCourseWorkState(String courseId, String courseWorkId, String state) {
        checkState(state, ClassroomApi.COURSEWORK_STATES);
        d.write(() -> {
            CourseWorkData w = courseWork(courseId, courseWorkId);
            w.state = state;
            w.updateTime = now(w.updateTime);
            return null;
        });
    }

    /** Sets state DELETED: listed only with courseWorkStates=DELETED; its submissions disappear. */
    public void deleteCourseWork(String courseId, String courseWorkId) {
        setCourseWorkState(courseId, courseWorkId, "DELETED");
    }

    /**
     * Changes one student's submission and bumps its updateTime. Null arguments keep the current
     * value. Returns the submission id.
     */
    public String editSubmission(String courseId, String courseWorkId, String userIdOrEmail, String state,
                                 Double assignedGrade) {
        if (state != null) {
            checkState(state, ClassroomApi.SUBMISSION_STATES);
        }
        return d.write(() -> {
            CourseData c = course(courseId);
            CourseWorkData w = courseWork(courseId, courseWorkId);
            SimUser u = user(userIdOrEmail);
            Enrollment e = c.students.get(u.index());
            if (e == null) {
                throw new IllegalArgumentException("user " + u.id() + " is not a student of " + courseId);
            }
            ClassroomJson.SubmissionState before = new ClassroomJson(d).state(new ClassroomJson.SubmissionKey(c, w, e));
            String id = ClassroomJson.submissionId(w, u);
            SubmissionEdit prev = d.submissionEdits.get(id);
            d.submissionEdits.put(id, new SubmissionEdit(
                    state != null ? state : prev != null ? prev.state() : null,
                    assignedGrade != null ? assignedGrade : prev != null ? prev.assignedGrade() : null,
                    now(before.updateTime())));
            return id;
        });
    }

    /** Moves the Reports "today". */
    public void setToday(LocalDate today) {
        d.setToday(today);
    }

    private void enroll(String courseId, String userIdOrEmail, boolean student, boolean add) {
        d.write(() -> {
            CourseData c = course(courseId);
            SimUser u = user(userIdOrEmail);
            var roster = student ? c.students : c.teachers;
            if (add) {
                roster.putIfAbsent(u.index(), new Enrollment(u.index(), now(null)));
                if (!student && c.ownerId == null) {
                    c.ownerId = u.id();
                }
            } else if (roster.remove(u.index()) == null) {
                throw new IllegalArgumentException("user " + u.id() + " is not on that roster of " + courseId);
            }
            return null;
        });
    }

    /**
     * The clock's now in milliseconds; never at or before {@code previous}, so an edit always
     * moves updateTime forward even if a test set the clock behind the generated data.
     */
    private Instant now(Instant previous) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (previous != null && !now.isAfter(previous)) {
            return previous.plusMillis(1);
        }
        return now;
    }

    private CourseData course(String id) {
        CourseData c = d.courses.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no course " + id);
        }
        return c;
    }

    private CourseWorkData courseWork(String courseId, String id) {
        CourseWorkData w = course(courseId).courseWork.get(id);
        if (w == null) {
            throw new IllegalArgumentException("no course work " + id + " in course " + courseId);
        }
        return w;
    }

    private SimUser user(String idOrEmail) {
        SimUser u = d.findUser(idOrEmail);
        if (u == null) {
            throw new IllegalArgumentException("no user " + idOrEmail);
        }
        return u;
    }

    private static void checkState(String state, java.util.Set<String> allowed) {
        if (!allowed.contains(state.toUpperCase(Locale.ROOT)) || !state.equals(state.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown state " + state + "; expected one of " + allowed);
        }
    }
}
