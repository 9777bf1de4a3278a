package org.lmssync.simulator.google;

import org.lmssync.simulator.DataGen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
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
 * The simulated domain: users, courses, rosters and course work. Submissions are not stored;
 * they are derived on demand from (course work, student) plus any edits, which keeps a
 * 100k-submission district small in memory. All access goes through {@link #read}/{@link #write}.
 */
final class District {
    private static final long MS_PER_DAY = 86_400_000L;

    final GoogleSimConfig cfg;
    final long seed;
    final Instant dataEnd;
    final List<SimUser> users = new ArrayList<>();
    final Map<String, SimUser> usersById = new HashMap<>();
    final Map<String, SimUser> usersByEmail = new HashMap<>();
    final Map<String, CourseData> courses = new LinkedHashMap<>();
    final Map<String, SubmissionEdit> submissionEdits = new HashMap<>();
    private final org.lmssync.simulator.Guard guard = new org.lmssync.simulator.Guard();
    private final long courseIdBase;
    private final long courseWorkIdBase;
    private final long userIdBase;
    private int nextCourseOrdinal;
    private long nextCourseWorkOrdinal;
    private LocalDate today;

    District(GoogleSimConfig cfg, LocalDate today) {
        this.cfg = cfg;
        this.seed = cfg.seed();
        this.today = today;
        this.dataEnd = cfg.dataStart().plus(cfg.dataSpanDays(), ChronoUnit.DAYS);
        // Bases keep every generated id at a fixed digit count and unique by construction.
        this.courseIdBase = 100_000_000_000L + Math.floorMod(DataGen.mix(seed, 1), 400_000_000_000L);
        this.courseWorkIdBase = 500_000_000_000L + Math.floorMod(DataGen.mix(seed, 2), 400_000_000_000L);
        this.userIdBase = Math.floorMod(DataGen.mix(seed, 3), 8_000_000_000_000_000_000L);
        generate();
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

    SimUser user(int index) {
        return users.get(index);
    }

    /** By numeric id or email, as Classroom accepts either. */
    SimUser findUser(String idOrEmail) {
        SimUser u = usersById.get(idOrEmail);
        return u != null ? u : usersByEmail.get(idOrEmail.toLowerCase(Locale.ROOT));
    }

    SimUser addUser(String given, String family, boolean teacher) {
        int index = users.size();
        String id = "10" + String.format("%019d", userIdBase + index);
        String email = (given + "." + family).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "")
                + index + "@" + cfg.domain();
        SimUser u = new SimUser(index, id, given, family, email, teacher);
        users.add(u);
        usersById.put(id, u);
        usersByEmail.put(email, u);
        return u;
    }

    CourseData newCourse(Instant creationTime, String subject) {
        int ordinal = nextCourseOrdinal++;
        SplittableRandom r = DataGen.rng(seed, 20, ordinal);
        CourseData c = new CourseData(String.valueOf(courseIdBase + ordinal), ordinal, creationTime,
                DataGen.letters(r, 7), subject);
        courses.put(c.id, c);
        return c;
    }

    CourseWorkData newCourseWork(CourseData c, Instant creationTime, int maxPoints, LocalDate due,
                                 LocalTime dueTime, String workType) {
        long ordinal = nextCourseWorkOrdinal++;
        CourseWorkData w = new CourseWorkData(c.id, String.valueOf(courseWorkIdBase + ordinal), ordinal,
                creationTime, c.ownerId, maxPoints, due, dueTime, workType);
        c.courseWork.put(w.id, w);
        return w;
    }

    private void generate() {
        DistrictSize size = cfg.size();
        for (int i = 0; i < size.students() + size.teachers(); i++) {
            SplittableRandom r = DataGen.rng(seed, 10, i);
            addUser(DataGen.givenName(r), DataGen.familyName(r), i >= size.students());
        }
        for (int c = 0; c < size.courses(); c++) {
            generateCourse(c, size);
        }
    }

    private void generateCourse(int c, DistrictSize size) {
        SplittableRandom r = DataGen.rng(seed, 21, c);
        Instant created = DataGen.instantBetween(r, cfg.dataStart(), cfg.dataStart().plus(7, ChronoUnit.DAYS));
        CourseData course = newCourse(created, DataGen.subject(r));
        int period = 1 + r.nextInt(8);
        course.name = course.subject + " " + (9 + r.nextInt(4)) + " - P" + period;
        course.section = "Period " + period;
        course.room = String.valueOf(100 + r.nextInt(300));
        course.state = stateFor(c);
        course.updateTime = DataGen.instantBetween(r, created, mid(created));
        for (int k = 0; k < size.teachersPerCourse(); k++) {
            int t = size.students() + (c * size.teachersPerCourse() + k) % size.teachers();
            course.teachers.put(t, new Enrollment(t, created));
        }
        course.ownerId = course.teachers.isEmpty() ? null : user(course.teachers.keySet().iterator().next()).id();
        int offset = (int) Math.floorMod(DataGen.mix(seed, 22, c), (long) Math.max(1, size.students()));
        for (int k = 0; k < size.studentsPerCourse(); k++) {
            int s = (offset + k) % size.students();
            course.students.put(s, new Enrollment(s, DataGen.instantBetween(r, created, created.plus(3, ChronoUnit.DAYS))));
        }
        long spanMs = dataEnd.toEpochMilli() - created.toEpochMilli();
        for (int k = 0; k < size.courseWorkPerCourse(); k++) {
            SplittableRandom wr = DataGen.rng(seed, 23, c, k);
            // Spread creation over the term so updateTime orderings are non-trivial.
            Instant wCreated = created.plusMillis(spanMs * k / Math.max(1, size.courseWorkPerCourse()) + wr.nextLong(MS_PER_DAY));
            LocalDate due = wCreated.atZone(ZoneOffset.UTC).toLocalDate().plusDays(3 + wr.nextInt(10));
            String type = wr.nextInt(5) == 0 ? "SHORT_ANSWER_QUESTION" : "ASSIGNMENT";
            CourseWorkData w = newCourseWork(course, wCreated, wr.nextInt(6) == 0 ? 0 : 10 * (1 + wr.nextInt(10)),
                    due, LocalTime.of(23, 59), type);
            w.title = course.subject + (type.equals("ASSIGNMENT") ? " assignment " : " question ") + (k + 1);
            w.description = "Work item " + (k + 1) + " for " + course.name;
            w.state = "PUBLISHED";
            w.updateTime = DataGen.instantBetween(wr, wCreated, min(dataEnd, wCreated.plus(20, ChronoUnit.DAYS)));
        }
    }

    private String stateFor(int c) {
        if (!cfg.varyCourseStates()) {
            return "ACTIVE";
        }
        // Fixed pattern: every state appears in districts of 6+ courses; SUSPENDED tests the default filter.
        return switch (c % 12) {
            case 3 -> "ARCHIVED";
            case 4 -> "PROVISIONED";
            case 5 -> "SUSPENDED";
            case 7 -> "DECLINED";
            default -> "ACTIVE";
        };
    }

    private Instant mid(Instant created) {
        return created.plusMillis(Math.max(1, (dataEnd.toEpochMilli() - created.toEpochMilli()) / 2));
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
