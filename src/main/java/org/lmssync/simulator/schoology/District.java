package org.lmssync.simulator.schoology;

import org.lmssync.simulator.DataGen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulated school: users, grading periods, courses with sections, and each section's
 * rosters, assignments, submissions and attendance. Ids come from per-kind counters starting at
 * seed-derived bases, so they are unique and stable. All access goes through {@link #read}/{@link #write}.
 */
final class District {
    final SchoologySimConfig cfg;
    final long seed;
    final LocalDate schoolYearStart;
    final Map<Long, UserData> users = new LinkedHashMap<>();
    final Map<Long, CourseData> courses = new LinkedHashMap<>();
    final Map<Long, SectionData> sections = new HashMap<>();
    final Map<Long, GradingPeriod> gradingPeriods = new LinkedHashMap<>();
    /** Last school year's period: the target of "move to a past grading period". */
    long pastPeriodId;
    long fullYearPeriodId;
    final List<Long> termIds = new ArrayList<>();
    long adminUid;
    private final org.lmssync.simulator.Guard guard = new org.lmssync.simulator.Guard();
    private long nextUid;
    private long nextCourseId;
    private long nextSectionId;
    private long nextEnrollmentId;
    private long nextAssignmentId;
    private long nextPeriodId;
    private LocalDate today;

    District(SchoologySimConfig cfg, LocalDate today) {
        this.cfg = cfg;
        this.seed = cfg.seed();
        this.today = today;
        this.schoolYearStart = cfg.schoolYearStart() != null ? cfg.schoolYearStart() : yearStartBefore(today);
        // Real widths: uids about 10^8, course, section, assignment and enrollment ids about 3*10^9,
        // above 2^31 (e.g. section "2975852079", assignment 2942237212, enrollment 2385759931).
        this.nextUid = 100_030_000 + Math.floorMod(DataGen.mix(seed, 1), 10_000L);
        this.nextCourseId = 2_942_100_000L + Math.floorMod(DataGen.mix(seed, 2), 100_000L);
        this.nextSectionId = 2_975_800_000L + Math.floorMod(DataGen.mix(seed, 3), 100_000L);
        this.nextEnrollmentId = 2_385_000_000L + Math.floorMod(DataGen.mix(seed, 4), 1_000_000L);
        this.nextAssignmentId = 2_942_300_000L + Math.floorMod(DataGen.mix(seed, 5), 100_000L);
        this.nextPeriodId = 813_000 + Math.floorMod(DataGen.mix(seed, 6), 1_000L);
        new DistrictGenerator(this).generate();
    }

    /** The most recent 15 August on or before {@code d}: a full year that contains {@code d}. */
    static LocalDate yearStartBefore(LocalDate d) {
        LocalDate aug = LocalDate.of(d.getYear(), 8, 15);
        return aug.isAfter(d) ? aug.minusYears(1) : aug;
    }

    <T> T read(Supplier<T> action) {
        return guard.read(action);
    }

    <T> T write(Supplier<T> action) {
        return guard.write(action);
    }

    LocalDate today() {
        return read(() -> today);
    }

    void setToday(LocalDate d) {
        write(() -> today = d);
    }

    /** Caller holds a lock. */
    LocalDate todayLocked() {
        return today;
    }

    // ---- factories (caller holds the write lock, or is the generator) ----

    UserData newUser(String first, String last, int roleId) {
        long uid = nextUid++;
        String prefix = roleId == Roles.STUDENT ? "S" : roleId == Roles.TEACHER ? "T" : "A";
        UserData u = new UserData(uid, prefix + uid, roleId, first, last);
        u.username = (first.charAt(0) + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + uid;
        u.email = u.username + "@school.example.org";
        users.put(uid, u);
        return u;
    }

    CourseData newCourse(String title) {
        long id = nextCourseId++;
        CourseData c = new CourseData(id, title, "CC" + (id % 1000));
        courses.put(id, c);
        return c;
    }

    SectionData newSection(CourseData c, String title) {
        long id = nextSectionId++;
        var r = DataGen.rng(seed, 40, id);
        String access = (DataGen.letters(r, 5) + "-" + DataGen.digits(r, 1) + DataGen.letters(r, 4))
                .toUpperCase(Locale.ROOT);
        SectionData s = new SectionData(id, c, access, title);
        s.sectionSchoolCode = "SI" + id;
        c.sections.put(id, s);
        sections.put(id, s);
        return s;
    }

    EnrollmentData newEnrollment(SectionData s, long uid, boolean admin, int status) {
        EnrollmentData e = new EnrollmentData(nextEnrollmentId++, uid, admin, status);
        s.enrollments.put(e.id, e);
        return e;
    }

    AssignmentData newAssignment(SectionData s, String title) {
        AssignmentData a = new AssignmentData(nextAssignmentId++, title);
        s.assignments.put(a.id, a);
        return a;
    }

    GradingPeriod newGradingPeriod(String title, LocalDate start, LocalDate end) {
        GradingPeriod p = new GradingPeriod(nextPeriodId++, title, start, end);
        gradingPeriods.put(p.id(), p);
        return p;
    }

    /** Past when every grading period of the section has ended (a section without periods never is). */
    boolean isPast(SectionData s) {
        if (s.gradingPeriodIds.isEmpty()) {
            return false;
        }
        for (long id : s.gradingPeriodIds) {
            GradingPeriod p = gradingPeriods.get(id);
            if (p == null || !p.isPast(today)) {
                return false;
            }
        }
        return true;
    }
}
