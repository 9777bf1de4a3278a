package org.lmssync.simulator.canvas;

import org.lmssync.simulator.SimClock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Edits to the simulated Canvas instance. Each call holds the district write lock, so it is
 * atomic; {@link CanvasSimulator#applyChanges} holds it across a whole batch. Times come from the
 * simulator clock. Ids are the numeric Canvas ids the API shows.
 */
public final class Changes {
    private static final Set<String> COURSE_STATES = Set.of("created", "claimed", "available", "completed", "deleted");

    private final District d;
    private final SimClock clock;

    Changes(District d, SimClock clock) {
        this.d = d;
        this.clock = clock;
    }

    // ---- courses ----

    /** Adds an available course with one section, in the root account's first term; returns its id. */
    public long addCourse(String name) {
        return addCourse(name, "available");
    }

    /** @param state created, claimed, available, completed or deleted */
    public long addCourse(String name, String state) {
        checkState(state, COURSE_STATES);
        return d.write(() -> {
            Instant now = now();
            TermData term = d.terms.get(d.terms.size() - 1);
            CourseData c = d.newCourse(d.rootAccount().id(), term.id(), now);
            c.name = name;
            c.courseCode = "NEW-" + c.id;
            c.sisCourseId = c.courseCode;
            c.state = state;
            c.startAt = term.startAt();
            c.endAt = term.endAt();
            SectionData s = d.newSection(c, now);
            s.name = name;
            s.sisSectionId = c.courseCode + "-1";
            return c.id;
        });
    }

    public void renameCourse(long courseId, String name) {
        d.write(() -> {
            course(courseId).name = name;
            return null;
        });
    }

    /** created and claimed show as unpublished; deleted is listed only with state[]=deleted or all. */
    public void setCourseState(long courseId, String state) {
        checkState(state, COURSE_STATES);
        d.write(() -> {
            course(courseId).state = state;
            return null;
        });
    }

    public void deleteCourse(long courseId) {
        setCourseState(courseId, "deleted");
    }

    /** Concludes the course (workflow_state completed). */
    public void concludeCourse(long courseId) {
        setCourseState(courseId, "completed");
    }

    // ---- sections ----

    public long addSection(long courseId, String name) {
        return d.write(() -> {
            SectionData s = d.newSection(course(courseId), now());
            s.name = name;
            return s.id;
        });
    }

    public void renameSection(long sectionId, String name) {
        d.write(() -> {
            section(sectionId).name = name;
            return null;
        });
    }

    /** The section disappears (404 and gone from lists); its enrollments become deleted. */
    public void deleteSection(long sectionId) {
        d.write(() -> {
            SectionData s = section(sectionId);
            Instant now = now();
            for (EnrollmentData e : d.enrollmentsBySection.getOrDefault(s.id, List.of())) {
                setState(e, "deleted", now);
            }
            s.deleted = true;
            return null;
        });
    }

    // ---- users ----

    public long addUser(String givenName, String familyName) {
        return d.write(() -> d.newUser(givenName, familyName, now()).id);
    }

    public void renameUser(long userId, String givenName, String familyName) {
        d.write(() -> {
            UserData u = user(userId);
            u.givenName = givenName;
            u.familyName = familyName;
            return null;
        });
    }

    /** Hidden from accounts/:id/users unless include_deleted_users=true; the user's enrollments become deleted. */
    public void deleteUser(long userId) {
        d.write(() -> {
            UserData u = user(userId);
            Instant now = now();
            for (EnrollmentData e : d.enrollments.values()) {
                if (e.userId == u.id) {
                    setState(e, "deleted", now);
                }
            }
            u.deleted = true;
            return null;
        });
    }

    // ---- enrollments ----

    /**
     * Enrolls a user in a section; returns the enrollment id.
     *
     * @param type StudentEnrollment, TeacherEnrollment, TaEnrollment, DesignerEnrollment or ObserverEnrollment
     */
    public long enroll(long sectionId, long userId, String type) {
        checkState(type, EnrollmentData.TYPES);
        return d.write(() -> {
            SectionData s = section(sectionId);
            EnrollmentData e = d.newEnrollment(s, user(userId), type, "active", now(), null);
            if (type.equals("StudentEnrollment")) {
                e.currentScore = null;
                e.finalScore = 0.0;
            }
            return e.id;
        });
    }

    /**
     * @param state active, invited, creation_pending, inactive, completed, rejected or deleted;
     *              anything but active and invited drops out of the default listing
     */
    public void setEnrollmentState(long enrollmentId, String state) {
        checkState(state, EnrollmentData.STATES);
        d.write(() -> {
            setState(enrollment(enrollmentId), state, now());
            return null;
        });
    }

    public void deactivateEnrollment(long enrollmentId) {
        setEnrollmentState(enrollmentId, "inactive");
    }

    public void concludeEnrollment(long enrollmentId) {
        setEnrollmentState(enrollmentId, "completed");
    }

    public void deleteEnrollment(long enrollmentId) {
        setEnrollmentState(enrollmentId, "deleted");
    }

    // ---- assignments ----

    /** Adds a published assignment due in a week; returns its id. */
    public long addAssignment(long courseId, String name) {
        return d.write(() -> {
            Instant now = now();
            AssignmentData a = d.newAssignment(course(courseId), now, false);
            a.name = name;
            a.description = "<p>" + name + "</p>";
            a.dueAt = now.plus(7, ChronoUnit.DAYS);
            a.pointsPossible = 100;
            a.submissionTypes = List.of("online_upload");
            a.published = true;
            return a.id;
        });
    }

    public void editAssignment(long assignmentId, String name) {
        d.write(() -> {
            AssignmentData a = assignment(assignmentId);
            a.name = name;
            a.updatedAt = now();
            return null;
        });
    }

    /** Unpublished assignments stay listed (workflow_state unpublished) but have no submissions. */
    public void setAssignmentPublished(long assignmentId, boolean published) {
        d.write(() -> {
            AssignmentData a = assignment(assignmentId);
            a.published = published;
            a.updatedAt = now();
            return null;
        });
    }

    /** The assignment disappears, and so do its submissions. */
    public void deleteAssignment(long assignmentId) {
        d.write(() -> {
            AssignmentData a = assignment(assignmentId);
            a.deleted = true;
            a.updatedAt = now();
            return null;
        });
    }

    // ---- submissions ----

    /** The student hands in (again): submitted_at = now, grade cleared; returns the submission id. */
    public long submit(long assignmentId, long userId) {
        return d.write(() -> {
            Submission s = submission(assignmentId, userId);
            d.submissionEdits.put(s.id(), new SubmissionEdit(now(), null, null, s.attempt() + 1, null));
            return s.id();
        });
    }

    /** Grades the submission (handing it in first if needed): graded_at = now; returns the submission id. */
    public long grade(long assignmentId, long userId, double score) {
        return d.write(() -> {
            Submission s = submission(assignmentId, userId);
            Instant now = now();
            Instant submitted = s.submittedAt() != null ? s.submittedAt() : now;
            Long grader = new Submissions(d).graderFor(s.assignment());
            d.submissionEdits.put(s.id(), new SubmissionEdit(submitted, now, score, Math.max(1, s.attempt()), grader));
            return s.id();
        });
    }

    // ---- authentication events ----

    /** Records a login or logout at the clock's now (whole seconds). */
    public void addAuthEvent(long userId, String eventType) {
        checkState(eventType, Set.of("login", "logout"));
        d.write(() -> {
            UserData u = user(userId);
            List<AuthEvent> list = d.addedAuthEvents.computeIfAbsent(u.id, k -> new ArrayList<>());
            String id = new AuthEvents(d).id(u.ordinal, 1_000_000L + list.size());
            list.add(new AuthEvent(id, clock.instant().truncatedTo(ChronoUnit.SECONDS), eventType, u.id,
                    u.pseudonymId(), District.ROOT_ACCOUNT_ID));
            return null;
        });
    }

    // ---- helpers ----

    private void setState(EnrollmentData e, String state, Instant now) {
        e.state = state;
        e.updatedAt = now;
    }

    private Instant now() {
        return clock.instant();
    }

    private Submission submission(long assignmentId, long userId) {
        AssignmentData a = assignment(assignmentId);
        UserData u = user(userId);
        boolean student = d.enrollmentsByCourse.getOrDefault(a.courseId, List.of()).stream()
                .anyMatch(e -> e.userId == u.id && e.type.equals("StudentEnrollment"));
        if (!student) {
            throw new IllegalArgumentException("user " + userId + " is not a student of course " + a.courseId);
        }
        return new Submissions(d).derive(a, u);
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
        if (s == null || s.deleted) {
            throw new IllegalArgumentException("no section " + id);
        }
        return s;
    }

    private UserData user(long id) {
        UserData u = d.usersById.get(id);
        if (u == null) {
            throw new IllegalArgumentException("no user " + id);
        }
        return u;
    }

    private EnrollmentData enrollment(long id) {
        EnrollmentData e = d.enrollments.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no enrollment " + id);
        }
        return e;
    }

    private AssignmentData assignment(long id) {
        AssignmentData a = d.assignments.get(id);
        if (a == null || a.deleted) {
            throw new IllegalArgumentException("no assignment " + id);
        }
        return a;
    }

    private static void checkState(String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("unknown value " + value + "; expected one of " + allowed);
        }
    }
}
