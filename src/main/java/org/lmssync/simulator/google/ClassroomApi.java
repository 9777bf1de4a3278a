package org.lmssync.simulator.google;

import org.lmssync.simulator.PathTemplate;
import org.lmssync.simulator.SimHandler;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Classroom v1 list/get endpoints under /v1/. */
final class ClassroomApi implements SimHandler {
    static final Set<String> COURSE_STATES = Set.of("ACTIVE", "ARCHIVED", "PROVISIONED", "DECLINED", "SUSPENDED");
    static final Set<String> DEFAULT_COURSE_STATES = Set.of("ACTIVE", "ARCHIVED", "PROVISIONED", "DECLINED");
    static final Set<String> COURSEWORK_STATES = Set.of("PUBLISHED", "DRAFT", "DELETED");
    static final Set<String> SUBMISSION_STATES = Set.of("NEW", "CREATED", "TURNED_IN", "RETURNED", "RECLAIMED_BY_STUDENT");
    static final String DEFAULT_ORDER = "updateTime desc";
    static final Comparator<CourseWorkData> DEFAULT_COMPARATOR =
            Comparator.comparing((CourseWorkData w) -> w.updateTime).reversed().thenComparing(w -> w.ordinal);

    private static final PathTemplate COURSES = new PathTemplate("/v1/courses");
    private static final PathTemplate COURSE = new PathTemplate("/v1/courses/{courseId}");
    private static final PathTemplate STUDENTS = new PathTemplate("/v1/courses/{courseId}/students");
    private static final PathTemplate TEACHERS = new PathTemplate("/v1/courses/{courseId}/teachers");
    private static final PathTemplate COURSEWORK = new PathTemplate("/v1/courses/{courseId}/courseWork");
    private static final PathTemplate ONE_COURSEWORK = new PathTemplate("/v1/courses/{courseId}/courseWork/{id}");
    private static final PathTemplate SUBMISSIONS =
            new PathTemplate("/v1/courses/{courseId}/courseWork/{courseWorkId}/studentSubmissions");
    private static final PathTemplate PROFILE = new PathTemplate("/v1/userProfiles/{userId}");

    private final District d;
    private final ClassroomJson json;
    private final ApiGate gate;
    private final Pager pager;
    private final GoogleSimConfig cfg;

    ClassroomApi(District d, ClassroomJson json, ApiGate gate, Pager pager) {
        this.d = d;
        this.json = json;
        this.gate = gate;
        this.pager = pager;
        this.cfg = d.cfg;
    }

    @Override
    public SimResponse handle(SimRequest req) {
        if (!"GET".equals(req.method())) {
            return GoogleErrors.api(405, "UNIMPLEMENTED", "Method not supported by the simulator.");
        }
        String p = req.path();
        try {
            Optional<Map<String, String>> m;
            if (COURSES.match(p).isPresent()) {
                return guarded(req, Scopes.FOR_COURSES, a -> listCourses(req));
            }
            if ((m = COURSE.match(p)).isPresent()) {
                String id = m.get().get("courseId");
                return guarded(req, Scopes.FOR_COURSES, a -> d.read(() -> SimResponse.json(200, json.course(course(id)))));
            }
            if ((m = STUDENTS.match(p)).isPresent()) {
                String id = m.get().get("courseId");
                return guarded(req, Scopes.FOR_ROSTERS, a -> listRoster(req, id, true, a.hasScope(Scopes.PROFILE_EMAILS)));
            }
            if ((m = TEACHERS.match(p)).isPresent()) {
                String id = m.get().get("courseId");
                return guarded(req, Scopes.FOR_ROSTERS, a -> listRoster(req, id, false, a.hasScope(Scopes.PROFILE_EMAILS)));
            }
            if ((m = COURSEWORK.match(p)).isPresent()) {
                String id = m.get().get("courseId");
                return guarded(req, Scopes.FOR_COURSEWORK, a -> listCourseWork(req, id));
            }
            if ((m = SUBMISSIONS.match(p)).isPresent()) {
                Map<String, String> v = m.get();
                return guarded(req, Scopes.FOR_SUBMISSIONS,
                        a -> listSubmissions(req, v.get("courseId"), v.get("courseWorkId")));
            }
            if ((m = ONE_COURSEWORK.match(p)).isPresent()) {
                Map<String, String> v = m.get();
                return guarded(req, Scopes.FOR_COURSEWORK, a -> d.read(() -> {
                    CourseWorkData w = course(v.get("courseId")).courseWork.get(v.get("id"));
                    return w == null ? GoogleErrors.notFound("Requested entity was not found.")
                            : SimResponse.json(200, json.courseWork(w));
                }));
            }
            if ((m = PROFILE.match(p)).isPresent()) {
                String id = m.get().get("userId");
                return guarded(req, Scopes.FOR_PROFILES, a -> d.read(() -> {
                    SimUser u = d.findUser(id);
                    return u == null ? GoogleErrors.notFound("Requested entity was not found.")
                            : SimResponse.json(200, json.profile(u, a.hasScope(Scopes.PROFILE_EMAILS)));
                }));
            }
        } catch (NotFound e) {
            return GoogleErrors.notFound("Requested entity was not found.");
        }
        return GoogleErrors.notFound("Requested entity was not found.");
    }

    private interface Action {
        SimResponse run(ApiGate.Access access) throws BadRequestOrNotFound;
    }

    /** Unchecked wrapper so lambdas inside read locks can signal 404. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private static final class BadRequestOrNotFound extends Exception {
        final SimResponse response;

        BadRequestOrNotFound(SimResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private SimResponse guarded(SimRequest req, Set<String> scopes, Action action) {
        ApiGate.Access access = gate.admit(req, scopes, false);
        if (access.denied()) {
            return access.error();
        }
        try {
            return action.run(access);
        } catch (BadRequestOrNotFound e) {
            return e.response;
        }
    }

    // ---- courses ----

    private SimResponse listCourses(SimRequest req) throws BadRequestOrNotFound {
        Set<String> states = enumParams(req, "courseStates", COURSE_STATES, DEFAULT_COURSE_STATES);
        Pager.Window w = window(req, cfg.defaultPageSize());
        return d.read(() -> {
            Optional<String> student = req.param("studentId");
            Optional<String> teacher = req.param("teacherId");
            SimUser su = student.map(this::user).orElse(null);
            SimUser tu = teacher.map(this::user).orElse(null);
            List<CourseData> all = courses(states).stream()
                    .filter(c -> su == null || c.students.containsKey(su.index()))
                    .filter(c -> tu == null || c.teachers.containsKey(tu.index()))
                    .toList();
            return SimResponse.json(200, pager.page(w, all, "courses", json::course, Pager.envelope(), true));
        });
    }

    List<CourseData> courses(Collection<String> states) {
        return d.courses.values().stream().filter(c -> states.contains(c.state)).toList();
    }

    CourseData course(String id) {
        CourseData c = d.courses.get(id);
        if (c == null) {
            throw new NotFound();
        }
        return c;
    }

    private SimUser user(String idOrEmail) {
        SimUser u = d.findUser(idOrEmail);
        if (u == null) {
            throw new NotFound();
        }
        return u;
    }

    // ---- rosters ----

    private SimResponse listRoster(SimRequest req, String courseId, boolean students, boolean emails)
            throws BadRequestOrNotFound {
        Pager.Window w = window(req, cfg.rosterDefaultPageSize());
        return d.read(() -> {
            CourseData c = course(courseId);
            List<Enrollment> all = roster(c, students);
            return SimResponse.json(200, pager.page(w, all, students ? "students" : "teachers",
                    e -> json.rosterEntry(c, e, students, emails), Pager.envelope(), true));
        });
    }

    static List<Enrollment> roster(CourseData c, boolean students) {
        return List.copyOf((students ? c.students : c.teachers).values());
    }

    // ---- course work ----

    private SimResponse listCourseWork(SimRequest req, String courseId) throws BadRequestOrNotFound {
        Set<String> states = enumParams(req, "courseWorkStates", COURSEWORK_STATES, Set.of("PUBLISHED"));
        Comparator<CourseWorkData> order = orderBy(req.param("orderBy").orElse(DEFAULT_ORDER));
        Pager.Window w = window(req, cfg.defaultPageSize());
        return d.read(() -> {
            List<CourseWorkData> all = courseWork(course(courseId), states, order);
            return SimResponse.json(200, pager.page(w, all, "courseWork", json::courseWork, Pager.envelope(), true));
        });
    }

    static List<CourseWorkData> courseWork(CourseData c, Collection<String> states, Comparator<CourseWorkData> order) {
        return c.courseWork.values().stream().filter(w -> states.contains(w.state)).sorted(order).toList();
    }

    /** Parses orderBy such as "updateTime desc" or "dueDate asc,updateTime desc"; asc is the default direction. */
    static Comparator<CourseWorkData> orderBy(String spec) throws BadRequestOrNotFound {
        Comparator<CourseWorkData> cmp = null;
        for (String part : spec.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length == 0 || words.length > 2 || words[0].isEmpty()) {
                throw badOrder(spec);
            }
            Comparator<CourseWorkData> field = switch (words[0]) {
                case "updateTime" -> Comparator.comparing((CourseWorkData w) -> w.updateTime);
                case "dueDate" -> Comparator.comparing((CourseWorkData w) -> w.dueDate == null ? null
                        : w.dueDate.atTime(w.dueTime), Comparator.nullsLast(Comparator.naturalOrder()));
                default -> throw badOrder(spec);
            };
            if (words.length == 2) {
                if (words[1].equals("desc")) {
                    field = field.reversed();
                } else if (!words[1].equals("asc")) {
                    throw badOrder(spec);
                }
            }
            cmp = cmp == null ? field : cmp.thenComparing(field);
        }
        // A stable tie-break keeps paging deterministic when timestamps are equal.
        return cmp.thenComparing(w -> w.ordinal);
    }

    private static BadRequestOrNotFound badOrder(String spec) {
        return new BadRequestOrNotFound(GoogleErrors.invalidArgument("Invalid orderBy: " + spec));
    }

    // ---- submissions ----

    private SimResponse listSubmissions(SimRequest req, String courseId, String courseWorkId)
            throws BadRequestOrNotFound {
        Set<String> states = enumParams(req, "states", SUBMISSION_STATES, SUBMISSION_STATES);
        Optional<String> late = req.param("late");
        if (late.isPresent() && !Set.of("LATE_VALUES_UNSPECIFIED", "LATE_ONLY", "NOT_LATE_ONLY").contains(late.get())) {
            throw new BadRequestOrNotFound(GoogleErrors.invalidArgument("Invalid value for late: " + late.get()));
        }
        Pager.Window w = window(req, cfg.defaultPageSize());
        return d.read(() -> {
            SimUser only = req.param("userId").map(this::user).orElse(null);
            List<ClassroomJson.SubmissionKey> all = submissions(course(courseId), courseWorkId).stream()
                    .filter(k -> only == null || k.student().userIndex() == only.index())
                    .filter(k -> states.contains(json.state(k).state()))
                    .filter(k -> late.isEmpty() || late.get().equals("LATE_VALUES_UNSPECIFIED")
                            || json.state(k).late() == late.get().equals("LATE_ONLY"))
                    .toList();
            return SimResponse.json(200, pager.page(w, all, "studentSubmissions", json::submission,
                    Pager.envelope(), true));
        });
    }

    /** Submissions of published work, in course-work then roster order; "-" means all work. */
    List<ClassroomJson.SubmissionKey> submissions(CourseData c, String courseWorkId) {
        List<CourseWorkData> works;
        if ("-".equals(courseWorkId)) {
            works = c.courseWork.values().stream().filter(x -> x.state.equals("PUBLISHED")).toList();
        } else {
            CourseWorkData x = c.courseWork.get(courseWorkId);
            if (x == null || x.state.equals("DELETED")) {
                throw new NotFound();
            }
            works = x.state.equals("PUBLISHED") ? List.of(x) : List.of();
        }
        List<ClassroomJson.SubmissionKey> out = new ArrayList<>(works.size() * c.students.size());
        for (CourseWorkData x : works) {
            for (Enrollment e : c.students.values()) {
                out.add(new ClassroomJson.SubmissionKey(c, x, e));
            }
        }
        return out;
    }

    // ---- helpers ----

    private Pager.Window window(SimRequest req, int defaultSize) throws BadRequestOrNotFound {
        Pager.Window w = pager.window(req, new Pager.Sizing("pageSize", defaultSize, cfg.maxPageSize(), false));
        if (w.error() != null) {
            throw new BadRequestOrNotFound(w.error());
        }
        return w;
    }

    /** Repeated enum parameter; an unknown value (including "A,B" in one value) is a 400. */
    private static Set<String> enumParams(SimRequest req, String name, Set<String> allowed, Set<String> dflt)
            throws BadRequestOrNotFound {
        List<String> values = req.params(name);
        if (values.isEmpty()) {
            return dflt;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new BadRequestOrNotFound(
                        GoogleErrors.invalidArgument("Invalid value at '" + name + "': \"" + v + "\""));
            }
            out.add(v);
        }
        return out;
    }
}
