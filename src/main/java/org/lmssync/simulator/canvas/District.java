package org.lmssync.simulator.canvas;

import org.lmssync.simulator.DataGen;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The simulated Canvas instance: accounts, terms, courses, sections, users, enrollments and
 * assignments are stored; submissions and auth events are derived on demand (plus edits) so a
 * large district stays small in memory. All access goes through {@link #read}/{@link #write}.
 */
final class District {
    static final long ROOT_ACCOUNT_ID = 1;
    /*
     * Real Canvas ids reach 10^8-10^9 (a captured submission id is 638909098); these bases give
     * 9- and 10-digit ids, enrollments above 10^9. Submission ids (see submissionId) exceed 2^32.
     */
    static final long COURSE_ID_BASE = 118_000_001L;
    static final long SECTION_ID_BASE = 126_400_001L;
    static final long USER_ID_BASE = 987_000_001L;
    static final long ENROLLMENT_ID_BASE = 1_450_000_001L;
    static final long ASSIGNMENT_ID_BASE = 356_000_001L;
    /** The bases of the first generator: random streams stay keyed on those numbers so the data keeps its shape. */
    private static final long KEY_COURSE = 1001;
    private static final long KEY_SECTION = 2001;
    private static final long KEY_USER = 10_001;

    final CanvasSimConfig cfg;
    final long seed;
    final Instant dataStart;
    final Instant dataEnd;
    final List<AccountData> accounts = new ArrayList<>();
    final List<TermData> terms = new ArrayList<>();
    final Map<Long, CourseData> courses = new LinkedHashMap<>();
    final Map<Long, SectionData> sections = new LinkedHashMap<>();
    final Map<Long, List<SectionData>> sectionsByCourse = new HashMap<>();
    final List<UserData> users = new ArrayList<>();
    final Map<Long, UserData> usersById = new HashMap<>();
    final Map<Long, EnrollmentData> enrollments = new LinkedHashMap<>();
    final Map<Long, List<EnrollmentData>> enrollmentsBySection = new HashMap<>();
    final Map<Long, List<EnrollmentData>> enrollmentsByCourse = new HashMap<>();
    final Map<Long, AssignmentData> assignments = new LinkedHashMap<>();
    final Map<Long, List<AssignmentData>> assignmentsByCourse = new HashMap<>();
    /** Keyed by submission id. */
    final Map<Long, SubmissionEdit> submissionEdits = new HashMap<>();
    final Map<Long, List<AuthEvent>> addedAuthEvents = new HashMap<>();
    /** Users and assignments below these ordinals were generated and carry generated history. */
    int generatedUsers;
    private final org.lmssync.simulator.Guard guard = new org.lmssync.simulator.Guard();
    private long nextCourseId = COURSE_ID_BASE;
    private long nextSectionId = SECTION_ID_BASE;
    private long nextEnrollmentId = ENROLLMENT_ID_BASE;
    private int nextAssignmentOrdinal;

    District(CanvasSimConfig cfg, Instant now) {
        this.cfg = cfg;
        this.seed = cfg.seed();
        // Without a fixed start the data ends today, so it is recent whatever the clock says.
        this.dataStart = cfg.dataStart() != null ? cfg.dataStart()
                : now.truncatedTo(ChronoUnit.DAYS).minus(cfg.dataSpanDays(), ChronoUnit.DAYS);
        this.dataEnd = dataStart.plus(cfg.dataSpanDays(), ChronoUnit.DAYS);
        DistrictGenerator.generate(this);
    }

    <T> T read(Supplier<T> action) {
        return guard.read(action);
    }

    <T> T write(Supplier<T> action) {
        return guard.write(action);
    }

    AccountData rootAccount() {
        return accounts.get(0);
    }

    /** Resolves an account path id: "self" or a numeric id; null when unknown. */
    AccountData account(String idOrSelf) {
        if ("self".equals(idOrSelf)) {
            return rootAccount();
        }
        Long id = parseId(idOrSelf);
        return id == null ? null : accounts.stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }

    TermData term(long id) {
        return terms.stream().filter(t -> t.id() == id).findFirst().orElse(null);
    }

    /** The number a course's random streams are keyed on (stable across id widths). */
    static long courseKey(long courseId) {
        return courseId - COURSE_ID_BASE + KEY_COURSE;
    }

    static long sectionKey(long sectionId) {
        return sectionId - SECTION_ID_BASE + KEY_SECTION;
    }

    static long userKey(long userId) {
        return userId - USER_ID_BASE + KEY_USER;
    }

    static Long parseId(String s) {
        if (s == null || s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(s);
    }

    // ---- factories used by the generator and by change sets ----

    UserData newUser(String given, String family, Instant createdAt) {
        int ordinal = users.size();
        long id = USER_ID_BASE + ordinal;
        UserData u = new UserData(id, ordinal, createdAt, String.valueOf(600_000 + ordinal),
                String.valueOf(ordinal));
        u.givenName = given;
        u.familyName = family;
        u.loginId = (given + "." + family).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + ordinal
                + "@" + cfg.domain();
        users.add(u);
        usersById.put(id, u);
        return u;
    }

    CourseData newCourse(long accountId, long termId, Instant createdAt) {
        long id = nextCourseId++;
        SplittableRandom r = DataGen.rng(seed, 20, courseKey(id));
        CourseData c = new CourseData(id, accountId, termId, DataGen.letters(r, 20) + DataGen.digits(r, 20), createdAt);
        courses.put(id, c);
        return c;
    }

    SectionData newSection(CourseData c, Instant createdAt) {
        SectionData s = new SectionData(nextSectionId++, c.id, createdAt);
        sections.put(s.id, s);
        sectionsByCourse.computeIfAbsent(c.id, k -> new ArrayList<>()).add(s);
        return s;
    }

    EnrollmentData newEnrollment(SectionData s, UserData u, String type, String state, Instant createdAt,
                                 Long associatedUserId) {
        EnrollmentData e = new EnrollmentData(nextEnrollmentId++, u.id, s.courseId, s.id, type, createdAt,
                associatedUserId);
        e.state = state;
        e.updatedAt = createdAt;
        enrollments.put(e.id, e);
        enrollmentsBySection.computeIfAbsent(s.id, k -> new ArrayList<>()).add(e);
        enrollmentsByCourse.computeIfAbsent(s.courseId, k -> new ArrayList<>()).add(e);
        return e;
    }

    AssignmentData newAssignment(CourseData c, Instant createdAt, boolean generated) {
        int ordinal = nextAssignmentOrdinal++;
        long group = 4000 + c.id;
        AssignmentData a = new AssignmentData(ASSIGNMENT_ID_BASE + ordinal, ordinal, c.id, group, createdAt, generated);
        List<AssignmentData> list = assignmentsByCourse.computeIfAbsent(c.id, k -> new ArrayList<>());
        a.position = list.size() + 1;
        a.updatedAt = createdAt;
        assignments.put(a.id, a);
        list.add(a);
        return a;
    }

    /** Stable and unique: one slot per (assignment, user) pair. */
    static long submissionId(AssignmentData a, UserData u) {
        return 10_000_000_000L + a.ordinal * 1_000_000L + u.ordinal;
    }
}
