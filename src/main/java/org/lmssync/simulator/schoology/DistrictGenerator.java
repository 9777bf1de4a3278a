package org.lmssync.simulator.schoology;

import org.lmssync.simulator.DataGen;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills a fresh {@link District} from its seed and size. Every random choice draws from a
 * stream keyed on (seed, kind, index), so the same config always yields the same district.
 */
final class DistrictGenerator {
    private final District d;
    private final SchoologyDistrictSize size;
    private final long seed;
    private final List<UserData> students = new ArrayList<>();
    private final List<UserData> teachers = new ArrayList<>();

    DistrictGenerator(District d) {
        this.d = d;
        this.size = d.cfg.size();
        this.seed = d.seed;
    }

    void generate() {
        gradingPeriods();
        users();
        int sectionOrdinal = 0;
        for (int c = 0; c < size.courses(); c++) {
            SplittableRandom r = DataGen.rng(seed, 30, c);
            String subject = DataGen.subject(r);
            int level = 1 + r.nextInt(4);
            CourseData course = d.newCourse(subject + " " + level);
            course.gradeStart = 8 + level;
            course.gradeEnd = course.gradeStart + r.nextInt(2);
            course.credits = r.nextInt(3);
            course.department = subject.split(" ")[0];
            for (int k = 0; k < size.sectionsPerCourse(); k++) {
                section(course, k, sectionOrdinal++);
            }
        }
    }

    private void gradingPeriods() {
        LocalDate start = d.schoolYearStart;
        LocalDate yearEnd = start.plusYears(1).minusDays(1);
        String year = start.getYear() + "-" + (start.getYear() + 1);
        String lastYear = (start.getYear() - 1) + "-" + start.getYear();
        d.pastPeriodId = d.newGradingPeriod(lastYear + " Full Year", start.minusYears(1), start.minusDays(1)).id();
        d.fullYearPeriodId = d.newGradingPeriod(year + " Full Year", start, yearEnd).id();
        int terms = size.gradingPeriods() - 2;
        long days = ChronoUnit.DAYS.between(start, yearEnd) + 1;
        String word = terms == 2 ? "Semester" : terms == 4 ? "Quarter" : "Term";
        for (int t = 0; t < terms; t++) {
            LocalDate from = start.plusDays(days * t / terms);
            LocalDate to = t == terms - 1 ? yearEnd : start.plusDays(days * (t + 1) / terms - 1);
            d.termIds.add(d.newGradingPeriod(year + " " + word + " " + (t + 1), from, to).id());
        }
    }

    private void users() {
        d.adminUid = d.newUser("Dana", "Admin", Roles.ADMIN).uid;
        for (int i = 0; i < size.students(); i++) {
            SplittableRandom r = DataGen.rng(seed, 10, i);
            UserData u = d.newUser(DataGen.givenName(r), DataGen.familyName(r), Roles.STUDENT);
            u.gradYear = String.valueOf(d.schoolYearStart.getYear() + 1 + r.nextInt(4));
            students.add(u);
        }
        for (int i = 0; i < size.teachers(); i++) {
            SplittableRandom r = DataGen.rng(seed, 11, i);
            teachers.add(d.newUser(DataGen.givenName(r), DataGen.familyName(r), Roles.TEACHER));
        }
        long from = d.schoolYearStart.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long to = Math.max(from + 1, d.todayLocked().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        for (int i = 0; i < size.inactiveUsers(); i++) {
            SplittableRandom r = DataGen.rng(seed, 12, i);
            UserData u = d.newUser(DataGen.givenName(r), DataGen.familyName(r), Roles.STUDENT);
            u.active = false;
            u.inactiveTimestamp = from + r.nextLong(to - from);
            u.modifiedByUid = d.adminUid;
        }
    }

    private void section(CourseData course, int k, int ordinal) {
        SplittableRandom r = DataGen.rng(seed, 31, ordinal);
        SectionData s = d.newSection(course, "Section " + (k + 1));
        s.location = "Room " + (100 + r.nextInt(200));
        boolean past = r.nextDouble() < d.cfg.pastSectionShare();
        long term;
        LocalDate from;
        LocalDate to;
        if (past) {
            term = d.pastPeriodId;
            s.gradingPeriodIds.add(d.pastPeriodId);
        } else {
            term = d.termIds.isEmpty() ? d.fullYearPeriodId : d.termIds.get(ordinal % d.termIds.size());
            s.gradingPeriodIds.add(d.fullYearPeriodId);
            if (term != d.fullYearPeriodId) {
                s.gradingPeriodIds.add(term);
            }
        }
        GradingPeriod window = d.gradingPeriods.get(past ? d.pastPeriodId : d.fullYearPeriodId);
        from = window.start();
        // Dated activity (due dates, submissions, attendance) stays before today where it can.
        to = min(window.end(), d.todayLocked().minusDays(1));
        if (!to.isAfter(from)) {
            to = from.plusDays(30);
        }
        UserData teacher = teachers.get(ordinal % teachers.size());
        d.newEnrollment(s, teacher.uid, true, EnrollmentStatus.ACTIVE);
        List<EnrollmentData> roster = new ArrayList<>();
        int offset = students.isEmpty() ? 0 : (int) Math.floorMod(DataGen.mix(seed, 32, ordinal), (long) students.size());
        for (int i = 0; i < size.enrollmentsPerSection(); i++) {
            UserData st = students.get((offset + i) % students.size());
            int roll = r.nextInt(50);
            int status = roll == 0 ? EnrollmentStatus.ARCHIVED : roll < 3 ? EnrollmentStatus.EXPIRED : EnrollmentStatus.ACTIVE;
            roster.add(d.newEnrollment(s, st.uid, false, status));
        }
        for (int a = 0; a < size.assignmentsPerSection(); a++) {
            assignment(s, a, ordinal, roster, term, from, to);
        }
        attendance(s, ordinal, roster, from, to);
    }

    private void assignment(SectionData s, int a, int ordinal, List<EnrollmentData> roster, long term,
                            LocalDate from, LocalDate to) {
        SplittableRandom r = DataGen.rng(seed, 33, ordinal, a);
        AssignmentData x = d.newAssignment(s, s.course.title + " assignment " + (a + 1));
        long span = ChronoUnit.DAYS.between(from, to);
        LocalDate due = from.plusDays(span * (a + 1) / (size.assignmentsPerSection() + 1));
        x.due = due.atTime(LocalTime.of(23, 59, 0));
        x.description = "Complete part " + (a + 1) + " of the unit.";
        x.gradingPeriodId = term;
        x.maxPoints = 10 * (1 + r.nextInt(10));
        x.isFinal = a % 5 == 4;
        long dueEpoch = x.due.toEpochSecond(ZoneOffset.UTC);
        // Its own stream, so the draws above and below keep their values.
        SplittableRandom e = DataGen.rng(seed, 35, ordinal, a);
        long windowStart = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        x.lastUpdated = windowStart + e.nextLong(Math.max(1, dueEpoch - 86_400L - windowStart));
        x.gradingCategoryId = 38_600_000L + 3L * ordinal + e.nextInt(3);
        x.folderId = e.nextInt(4) == 0 ? 2_941_900_000L + 10L * ordinal + e.nextInt(3) : 0;
        for (int i = 0; i < size.submissionsPerAssignment(); i++) {
            SubmissionData sub = new SubmissionData(roster.get(i).uid);
            int revisions = r.nextInt(6) == 0 ? 2 : 1;
            long created = dueEpoch - 3600L * (1 + r.nextInt(96));
            for (int v = 1; v <= revisions; v++) {
                boolean late = v == revisions && r.nextInt(8) == 0;
                long at = late ? dueEpoch + 60L * (1 + r.nextInt(600)) : created + 600L * (v - 1);
                sub.revisions.add(new SubmissionData.Revision(v, at, 1 + r.nextInt(2), late, r.nextInt(20) == 0));
            }
            x.submissions.put(sub.uid, sub);
        }
    }

    private void attendance(SectionData s, int ordinal, List<EnrollmentData> roster, LocalDate from, LocalDate to) {
        if (roster.isEmpty()) {
            return;
        }
        SplittableRandom r = DataGen.rng(seed, 34, ordinal);
        long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        int made = 0;
        for (int attempt = 0; made < size.attendancePerSection() && attempt < size.attendancePerSection() * 10; attempt++) {
            LocalDate date = weekday(from.plusDays(r.nextLong(span)));
            EnrollmentData e = roster.get(r.nextInt(roster.size()));
            int status = 2 + r.nextInt(3);
            Map<Long, AttendanceMark> day = s.attendance.computeIfAbsent(date, x -> new LinkedHashMap<>());
            if (day.containsKey(e.id)) {
                continue;
            }
            day.put(e.id, new AttendanceMark(e.id, date, status, status == AttendanceStatus.EXCUSED ? "Note from home" : ""));
            made++;
        }
    }

    private static LocalDate weekday(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY ? d.minusDays(1) : w == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
