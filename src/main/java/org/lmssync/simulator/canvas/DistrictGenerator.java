package org.lmssync.simulator.canvas;

import org.lmssync.simulator.DataGen;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Fills a {@link District} deterministically from the seed and size. */
final class DistrictGenerator {
    private static final String[] TOWNS = {"Lincoln", "Riverside", "Oakwood", "Maple Grove", "Hillcrest", "Lakeview"};
    private static final List<List<String>> SUBMISSION_TYPES = List.of(
            List.of("online_upload"), List.of("online_text_entry"), List.of("online_url"),
            List.of("online_text_entry", "online_upload"), List.of("none"));

    private final District d;
    private final CanvasSimConfig cfg;
    private final CanvasDistrictSize size;
    private final long seed;

    private DistrictGenerator(District d) {
        this.d = d;
        this.cfg = d.cfg;
        this.size = cfg.size();
        this.seed = d.seed;
    }

    static void generate(District d) {
        new DistrictGenerator(d).run();
    }

    private void run() {
        accounts();
        terms();
        users();
        for (int c = 0; c < size.courses(); c++) {
            course(c);
        }
    }

    private void accounts() {
        d.accounts.add(new AccountData(District.ROOT_ACCOUNT_ID, cfg.rootAccountName(), null, null, uuid(1, 0)));
        for (int i = 0; i < size.subAccounts(); i++) {
            String town = TOWNS[i % TOWNS.length] + (i >= TOWNS.length ? " " + (i / TOWNS.length + 1) : "");
            d.accounts.add(new AccountData(District.ROOT_ACCOUNT_ID + 1 + i, town + " High School",
                    District.ROOT_ACCOUNT_ID, "SCH-" + (100 + i), uuid(1, i + 1)));
        }
    }

    private void terms() {
        long spanMs = Duration.ofDays(cfg.dataSpanDays()).toMillis();
        for (int k = 0; k < size.terms(); k++) {
            Instant start = d.dataStart.plusMillis(spanMs * k / size.terms());
            Instant end = d.dataStart.plusMillis(spanMs * (k + 1) / size.terms());
            d.terms.add(new TermData(k + 1, "Term " + (k + 1), start, end,
                    d.dataStart.minus(30 - k, ChronoUnit.DAYS), "TERM-" + (k + 1)));
        }
    }

    private void users() {
        int total = size.students() + size.staff();
        for (int i = 0; i < total; i++) {
            SplittableRandom r = DataGen.rng(seed, 10, i);
            // Over a year back, so a page of users mixes both daylight-saving offsets of the account zone.
            Instant created = d.dataStart.minusSeconds(86_400L * 10 + r.nextLong(86_400L * 400));
            UserData u = d.newUser(DataGen.givenName(r), DataGen.familyName(r), created);
            u.deleted = r.nextDouble() < cfg.deletedUserShare();
        }
        d.generatedUsers = total;
    }

    private UserData student(int index) {
        return d.users.get(Math.floorMod(index, size.students()));
    }

    private UserData staff(int index) {
        return d.users.get(size.students() + Math.floorMod(index, size.staff()));
    }

    private void course(int c) {
        SplittableRandom r = DataGen.rng(seed, 21, c);
        AccountData account = d.accounts.size() > 1 ? d.accounts.get(1 + c % (d.accounts.size() - 1)) : d.rootAccount();
        TermData term = d.terms.get(c % d.terms.size());
        Instant created = term.startAt().minusSeconds(86_400L + r.nextLong(86_400L * 9));
        CourseData course = d.newCourse(account.id(), term.id(), created);
        String subject = DataGen.subject(r);
        int grade = 9 + r.nextInt(4);
        course.name = subject + " " + grade + " (" + term.name() + ")";
        String code = subject.replaceAll("[^A-Za-z]", "").substring(0, 3).toUpperCase(Locale.ROOT) + "-" + grade
                + "-" + course.id;
        course.courseCode = code;
        course.sisCourseId = c % 10 == 9 ? null : code;
        course.state = courseState(c);
        if (c % 6 != 5) {
            // Most courses carry their own dates; the rest fall back to the term's.
            course.startAt = term.startAt().truncatedTo(ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS);
            course.endAt = term.endAt().truncatedTo(ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS);
        }
        int base = (int) Math.floorMod(DataGen.mix(seed, 22, c), (long) size.students());
        for (int s = 0; s < size.sectionsPerCourse(); s++) {
            SectionData sec = d.newSection(course, created.plusSeconds(60L * (s + 1)));
            sec.name = course.name + " - Period " + (s + 1);
            sec.sisSectionId = course.sisCourseId == null ? null : code + "-" + (s + 1);
            for (int k = 0; k < size.studentsPerSection(); k++) {
                UserData u = student(base + s * size.studentsPerSection() + k);
                enroll(sec, u, "StudentEnrollment", null, DataGen.rng(seed, 24, District.courseKey(course.id), District.userKey(u.id)));
            }
        }
        List<SectionData> secs = d.sectionsByCourse.get(course.id);
        SectionData first = secs.get(0);
        for (int k = 0; k < size.teachersPerCourse(); k++) {
            enroll(first, staff(c * size.teachersPerCourse() + k), "TeacherEnrollment", null, null);
        }
        if (c % 3 == 1) {
            enroll(secs.get(secs.size() - 1), staff(c * 7 + 3), "TaEnrollment", null, null);
        }
        if (c % 5 == 2) {
            enroll(first, staff(c * 11 + 5), "DesignerEnrollment", null, null);
        }
        if (c % 4 == 0 && size.studentsPerSection() > 0) {
            enroll(first, staff(c * 13 + 1), "ObserverEnrollment", student(base).id, null);
        }
        assignments(course, subject, c);
    }

    private void enroll(SectionData sec, UserData u, String type, Long associated, SplittableRandom r) {
        SplittableRandom rr = r != null ? r : DataGen.rng(seed, 25, District.sectionKey(sec.id), District.userKey(u.id));
        String state = u.deleted ? "deleted" : r != null && cfg.varyEnrollmentStates() ? enrollmentState(rr) : "active";
        Instant created = sec.createdAt.plusSeconds(3600 + rr.nextLong(86_400L * 3));
        EnrollmentData e = d.newEnrollment(sec, u, type, state, created, associated);
        e.updatedAt = created.plusSeconds(rr.nextLong(86_400L * 20));
        e.lastActivityAt = state.equals("active") ? e.updatedAt.plusSeconds(rr.nextLong(86_400L * 30)) : null;
        if (type.equals("StudentEnrollment")) {
            e.currentScore = Math.round((55 + rr.nextDouble() * 45) * 100) / 100.0;
            e.finalScore = Math.round(e.currentScore * (0.7 + rr.nextDouble() * 0.3) * 100) / 100.0;
        }
    }

    private static String enrollmentState(SplittableRandom r) {
        double x = r.nextDouble();
        if (x < 0.80) {
            return "active";
        } else if (x < 0.85) {
            return "invited";
        } else if (x < 0.89) {
            return "inactive";
        } else if (x < 0.93) {
            return "completed";
        } else if (x < 0.96) {
            return "deleted";
        } else if (x < 0.98) {
            return "rejected";
        }
        return "creation_pending";
    }

    private String courseState(int c) {
        if (!cfg.varyCourseStates()) {
            return "available";
        }
        // A fixed pattern, so every state shows up in any district of ten or more courses.
        return switch (c % 10) {
            case 3 -> "completed";
            case 5 -> "created";
            case 7 -> "claimed";
            case 9 -> "deleted";
            default -> "available";
        };
    }

    private void assignments(CourseData course, String subject, int c) {
        int n = size.assignmentsPerCourse();
        Instant end = d.dataEnd;
        long spanMs = Math.max(1, end.toEpochMilli() - course.createdAt.toEpochMilli());
        for (int k = 0; k < n; k++) {
            SplittableRandom r = DataGen.rng(seed, 30, c, k);
            Instant created = course.createdAt.plusMillis(spanMs * k / Math.max(1, n)).truncatedTo(ChronoUnit.SECONDS);
            AssignmentData a = d.newAssignment(course, created, true);
            a.name = subject + " assignment " + (k + 1);
            a.description = "<p>Work item " + (k + 1) + " for " + course.name + ".</p>";
            a.dueAt = k % 8 == 7 ? null : created.plus(3 + r.nextInt(10), ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.DAYS).plusSeconds(86_399 - 6 * 3600);
            a.pointsPossible = 10 * (1 + r.nextInt(10));
            a.submissionTypes = SUBMISSION_TYPES.get(r.nextInt(SUBMISSION_TYPES.size()));
            a.published = k % 7 != 6;
            a.updatedAt = created.plusSeconds(r.nextLong(86_400L * 5));
        }
    }

    private String uuid(long kind, long n) {
        SplittableRandom r = DataGen.rng(seed, 90, kind, n);
        return DataGen.letters(r, 20) + DataGen.digits(r, 20);
    }
}
