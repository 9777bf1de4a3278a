package org.lmssync.simulator.canvas;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The complete, ordered result of each listing for given filters. The API pages these and the
 * simulator's truth accessors return them whole, so both always agree. Caller holds the lock.
 */
final class Listings {
    static final Set<String> COURSE_STATES = Set.of("created", "claimed", "available", "completed", "deleted", "all");
    /** "By default, all states but deleted are returned." */
    static final Set<String> DEFAULT_COURSE_STATES = Set.of("created", "claimed", "available", "completed");
    /** "If omitted, 'active' and 'invited' enrollments are returned." */
    static final Set<String> DEFAULT_ENROLLMENT_STATES = Set.of("active", "invited");
    /** courses/:id/users shows users whose enrollment is active or invited unless asked otherwise. */
    static final Set<String> DEFAULT_COURSE_USER_STATES = Set.of("active", "invited");

    private static final Comparator<UserData> BY_SORTABLE_NAME =
            Comparator.comparing(UserData::sortableName).thenComparingLong(u -> u.id);

    private final District d;
    private final Submissions submissions;
    private final AuthEvents authEvents;

    Listings(District d, Submissions submissions, AuthEvents authEvents) {
        this.d = d;
        this.submissions = submissions;
        this.authEvents = authEvents;
    }

    /** Filters of accounts/:id/courses; null fields do not filter. */
    record CourseFilter(Set<String> states, Long termId, Instant startsBefore, Instant endsAfter) {
        static CourseFilter states(Collection<String> states) {
            return new CourseFilter(Set.copyOf(states), null, null, null);
        }
    }

    List<AccountData> accounts() {
        return d.cfg.accountsIncludeSubAccounts() ? List.copyOf(d.accounts) : List.of(d.rootAccount());
    }

    /** An account lists its own courses and, for the root, every sub-account's too. */
    List<CourseData> courses(AccountData account, CourseFilter f) {
        boolean all = f.states().contains("all");
        return d.courses.values().stream()
                .filter(c -> account.isRoot() || c.accountId == account.id())
                .filter(c -> all || f.states().contains(c.state))
                .filter(c -> f.termId() == null || c.termId == f.termId())
                .filter(c -> f.startsBefore() == null || startsBefore(c, f.startsBefore()))
                .filter(c -> f.endsAfter() == null || endsAfter(c, f.endsAfter()))
                .toList();
    }

    private boolean startsBefore(CourseData c, Instant t) {
        Instant termStart = d.term(c.termId).startAt();
        return (c.startAt != null && !c.startAt.isAfter(t)) || !termStart.isAfter(t) || c.startAt == null && termStart == null;
    }

    private boolean endsAfter(CourseData c, Instant t) {
        Instant termEnd = d.term(c.termId).endAt();
        return (c.endAt != null && !c.endAt.isBefore(t)) || !termEnd.isBefore(t) || c.endAt == null && termEnd == null;
    }

    List<SectionData> sections(long courseId) {
        return d.sectionsByCourse.getOrDefault(courseId, List.of()).stream().filter(s -> !s.deleted).toList();
    }

    /** Enrollments of a section (or, with sectionId null, of a course) in these states and types. */
    List<EnrollmentData> enrollments(long courseId, Long sectionId, Set<String> states, Set<String> types) {
        List<EnrollmentData> source = sectionId != null
                ? d.enrollmentsBySection.getOrDefault(sectionId, List.of())
                : d.enrollmentsByCourse.getOrDefault(courseId, List.of());
        return source.stream()
                .filter(e -> states.contains(e.state))
                .filter(e -> types.isEmpty() || types.contains(e.type))
                .filter(e -> !d.sections.get(e.sectionId).deleted)
                .toList();
    }

    /**
     * The root lists every user; a sub-account those enrolled in its courses. Sorted by sortable
     * name. Deleted users only with include_deleted_users=true, and only if the config lists them.
     */
    List<UserData> accountUsers(AccountData account, boolean includeDeleted) {
        Stream<UserData> users = d.users.stream();
        if (!account.isRoot()) {
            Set<Long> ids = new HashSet<>();
            for (CourseData c : d.courses.values()) {
                if (c.accountId == account.id()) {
                    d.enrollmentsByCourse.getOrDefault(c.id, List.of()).forEach(e -> ids.add(e.userId));
                }
            }
            users = users.filter(u -> ids.contains(u.id));
        }
        // Whether include_deleted_users=true really lists deleted users is unconfirmed: configurable.
        boolean listDeleted = includeDeleted && d.cfg.listDeletedUsers();
        return users.filter(u -> listDeleted || !u.deleted).sorted(BY_SORTABLE_NAME).toList();
    }

    /** Users of a course holding an enrollment of these short types (empty: any) in these states. */
    List<UserData> courseUsers(long courseId, Set<String> shortTypes, Set<String> states) {
        Set<Long> ids = new HashSet<>();
        for (EnrollmentData e : d.enrollmentsByCourse.getOrDefault(courseId, List.of())) {
            if (states.contains(e.state) && (shortTypes.isEmpty() || shortTypes.contains(e.shortType()))
                    && !d.sections.get(e.sectionId).deleted) {
                ids.add(e.userId);
            }
        }
        return d.users.stream().filter(u -> ids.contains(u.id) && !u.deleted).sorted(BY_SORTABLE_NAME).toList();
    }

    /** Undeleted assignments; order_by position (default), name or due_at. */
    List<AssignmentData> assignments(long courseId, String orderBy) {
        Comparator<AssignmentData> order = switch (orderBy == null ? "position" : orderBy) {
            case "name" -> Comparator.comparing((AssignmentData a) -> a.name);
            case "due_at" -> Comparator.comparing((AssignmentData a) -> a.dueAt,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            default -> Comparator.comparingInt((AssignmentData a) -> a.position);
        };
        return d.assignmentsByCourse.getOrDefault(courseId, List.of()).stream()
                .filter(a -> !a.deleted).sorted(order.thenComparingLong(a -> a.id)).toList();
    }

    /** Filters and order of students/submissions; null fields do not filter. */
    record SubmissionQuery(Long sectionId, Set<Long> studentIds, Set<Long> assignmentIds, String workflowState,
                           Instant submittedSince, Instant gradedSince, boolean byGradedAt, boolean descending) {
        static SubmissionQuery all() {
            return new SubmissionQuery(null, null, null, null, null, null, false, false);
        }
    }

    List<Submission> submissions(long courseId, SubmissionQuery q) {
        boolean inclusive = d.cfg.sinceInclusive();
        Comparator<Submission> order = q.byGradedAt()
                ? Comparator.comparing(Submission::gradedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                : Comparator.comparingLong(Submission::id);
        if (q.descending()) {
            // Postgres "desc nulls last": reverse the timestamps but keep nulls at the end.
            order = q.byGradedAt()
                    ? Comparator.comparing(Submission::gradedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                    : order.reversed();
        }
        order = order.thenComparingLong(Submission::id);
        return submissions.all(courseId, q.sectionId()).stream()
                .filter(s -> q.studentIds() == null || q.studentIds().contains(s.user().id))
                .filter(s -> q.assignmentIds() == null || q.assignmentIds().contains(s.assignment().id))
                .filter(s -> q.workflowState() == null || q.workflowState().equals(s.workflowState()))
                .filter(s -> q.submittedSince() == null || after(s.submittedAt(), q.submittedSince(), inclusive))
                .filter(s -> q.gradedSince() == null || after(s.gradedAt(), q.gradedSince(), inclusive))
                .sorted(order)
                .toList();
    }

    private static boolean after(Instant t, Instant since, boolean inclusive) {
        return t != null && (t.isAfter(since) || inclusive && t.equals(since));
    }

    /** A user's auth events in [start, end] within the retention window, newest first. */
    List<AuthEvent> authEvents(UserData u, Instant start, Instant end, Instant now) {
        int keep = d.cfg.authEventRetentionDays();
        Instant floor = keep > 0 ? now.minusSeconds(86_400L * keep) : null;
        return authEvents.forUser(u).stream()
                .filter(e -> floor == null || !e.createdAt().isBefore(floor))
                .filter(e -> start == null || !e.createdAt().isBefore(start))
                .filter(e -> end == null || !e.createdAt().isAfter(end))
                .toList();
    }
}
