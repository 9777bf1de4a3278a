package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.PathTemplate;
import org.lmssync.simulator.SimHandler;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The REST v1 read endpoints under /v1/. Every request passes the {@link ApiGate} first. */
final class SchoologyApi implements SimHandler {
    private static final PathTemplate USERS = new PathTemplate("/v1/users");
    private static final PathTemplate INACTIVE_USERS = new PathTemplate("/v1/users/inactive");
    private static final PathTemplate INACTIVE_USER = new PathTemplate("/v1/users/inactive/{id}");
    private static final PathTemplate USER = new PathTemplate("/v1/users/{id}");
    private static final PathTemplate ROLES = new PathTemplate("/v1/roles");
    private static final PathTemplate COURSES = new PathTemplate("/v1/courses");
    private static final PathTemplate COURSE = new PathTemplate("/v1/courses/{id}");
    private static final PathTemplate COURSE_SECTIONS = new PathTemplate("/v1/courses/{id}/sections");
    private static final PathTemplate SECTION = new PathTemplate("/v1/sections/{id}");
    private static final PathTemplate ENROLLMENTS = new PathTemplate("/v1/sections/{id}/enrollments");
    private static final PathTemplate ASSIGNMENTS = new PathTemplate("/v1/sections/{id}/assignments");
    private static final PathTemplate SUBMISSIONS = new PathTemplate("/v1/sections/{id}/submissions/{gradeItemId}");
    private static final PathTemplate ATTENDANCE = new PathTemplate("/v1/sections/{id}/attendance");
    private static final PathTemplate GRADING_PERIODS = new PathTemplate("/v1/gradingperiods");
    /** The spelling with an underscore is accepted too, so either form of product config works. */
    private static final PathTemplate GRADING_PERIODS_ALIAS = new PathTemplate("/v1/grading_periods");

    private final District d;
    private final Listings listings;
    private final SchoologyJson json;
    private final JsonOut out;
    private final Paging paging;
    private final ApiGate gate;

    SchoologyApi(District d, Listings listings, SchoologyJson json, JsonOut out, Paging paging, ApiGate gate) {
        this.d = d;
        this.listings = listings;
        this.json = json;
        this.out = out;
        this.paging = paging;
        this.gate = gate;
    }

    /** Signals a 404 from inside a read lock. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    /** Signals a 400 from inside a read lock. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public SimResponse handle(SimRequest req) {
        SimResponse denied = gate.admit(req);
        if (denied != null) {
            return denied;
        }
        if (!"GET".equals(req.method())) {
            return SchoologyErrors.methodNotAllowed();
        }
        try {
            return d.read(() -> route(req));
        } catch (NotFound e) {
            return SchoologyErrors.notFound();
        } catch (BadRequest e) {
            return SchoologyErrors.badRequest(e.getMessage());
        }
    }

    private SimResponse route(SimRequest req) {
        String p = req.path();
        Optional<Map<String, String>> m;
        if (USERS.match(p).isPresent()) {
            return ok(paging.page(req, "user", listings.activeUsers(), json::user, Paging.Total.STRING));
        }
        if (INACTIVE_USERS.match(p).isPresent()) {
            return ok(paging.page(req, "user", listings.inactiveUsers(), json::inactiveUser, Paging.Total.NUMBER));
        }
        if ((m = INACTIVE_USER.match(p)).isPresent()) {
            UserData u = d.users.get(id(m.get().get("id")));
            if (u == null || u.active) {
                throw new NotFound();
            }
            return ok(json.inactiveUser(u));
        }
        if ((m = USER.match(p)).isPresent()) {
            UserData u = d.users.get(id(m.get().get("id")));
            if (u == null || !u.active) {
                throw new NotFound();
            }
            return ok(json.user(u));
        }
        if (ROLES.match(p).isPresent()) {
            return ok(paging.page(req, "role", Roles.ALL, json::role, Paging.Total.NUMBER));
        }
        if (COURSES.match(p).isPresent()) {
            return ok(paging.page(req, "course", listings.courses(), json::course, Paging.Total.STRING));
        }
        if ((m = COURSE.match(p)).isPresent()) {
            return ok(json.course(course(m.get())));
        }
        if ((m = COURSE_SECTIONS.match(p)).isPresent()) {
            CourseData c = course(m.get());
            boolean includePast = flag(req, "include_past");
            return ok(paging.page(req, "section", listings.sections(c, includePast), json::section, Paging.Total.STRING));
        }
        if ((m = SECTION.match(p)).isPresent()) {
            return ok(json.section(section(m.get())));
        }
        if ((m = ENROLLMENTS.match(p)).isPresent()) {
            SectionData s = section(m.get());
            Set<Long> uids = longs(req, "uid");
            Set<Integer> statuses = ints(req, "enrollment_status");
            return ok(paging.page(req, "enrollment", listings.enrollments(s, uids, statuses),
                    e -> json.enrollment(s, e), Paging.Total.STRING));
        }
        if ((m = ASSIGNMENTS.match(p)).isPresent()) {
            SectionData s = section(m.get());
            return ok(paging.page(req, "assignment", listings.assignments(s), a -> json.assignment(s, a),
                    Paging.Total.NUMBER));
        }
        if ((m = SUBMISSIONS.match(p)).isPresent()) {
            SectionData s = section(m.get());
            AssignmentData a = s.assignments.get(id(m.get().get("gradeItemId")));
            if (a == null) {
                throw new NotFound();
            }
            return ok(paging.page(req, "revision", listings.revisions(a, flag(req, "all_revisions")),
                    r -> json.revision(r.uid(), r.revision()), Paging.Total.NONE));
        }
        if ((m = ATTENDANCE.match(p)).isPresent()) {
            return ok(attendance(req, section(m.get())));
        }
        if (GRADING_PERIODS.match(p).isPresent() || GRADING_PERIODS_ALIAS.match(p).isPresent()) {
            return ok(paging.page(req, "gradingperiods", listings.gradingPeriods(), json::gradingPeriod,
                    Paging.Total.NUMBER));
        }
        throw new NotFound();
    }

    /**
     * Unpaged, as the reference's client reads it: here {@code start} and {@code end} are an
     * inclusive date range (YYYY-MM-DD), not offsets, and there is no total or links object.
     */
    private ObjectNode attendance(SimRequest req, SectionData s) {
        LocalDate from = date(req, "start");
        LocalDate to = date(req, "end");
        Long enrollment = req.param("enrollment_id").map(SchoologyApi::id).orElse(null);
        Map<LocalDate, Collection<AttendanceMark>> days = listings.attendance(s, from, to, enrollment);
        ObjectNode body = Json.object();
        var dates = body.putArray("date");
        days.forEach((date, marks) -> dates.add(json.attendanceDate(date, marks)));
        body.set("totals", json.attendanceTotals(days.values()));
        return body;
    }

    private SimResponse ok(JsonNode body) {
        return out.response(200, body);
    }

    private CourseData course(Map<String, String> vars) {
        CourseData c = d.courses.get(id(vars.get("id")));
        if (c == null) {
            throw new NotFound();
        }
        return c;
    }

    private SectionData section(Map<String, String> vars) {
        SectionData s = d.sections.get(id(vars.get("id")));
        if (s == null) {
            throw new NotFound();
        }
        return s;
    }

    private static long id(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    private static boolean flag(SimRequest req, String name) {
        String v = req.param(name).orElse("0");
        return v.equals("1") || v.equalsIgnoreCase("true");
    }

    private static LocalDate date(SimRequest req, String name) {
        Optional<String> v = req.param(name).filter(s -> !s.isEmpty());
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.get());
        } catch (DateTimeParseException e) {
            throw new BadRequest("Invalid " + name + " date '" + v.get() + "'; expected YYYY-MM-DD.");
        }
    }

    private static Set<Long> longs(SimRequest req, String name) {
        return commaList(req, name, Long::parseLong);
    }

    private static Set<Integer> ints(SimRequest req, String name) {
        return commaList(req, name, Integer::parseInt);
    }

    /** A comma-separated filter; null when absent. */
    private static <T> Set<T> commaList(SimRequest req, String name, Function<String, T> parse) {
        Optional<String> v = req.param(name).filter(s -> !s.isEmpty());
        if (v.isEmpty()) {
            return null;
        }
        Set<T> out = new HashSet<>();
        for (String part : v.get().split(",")) {
            try {
                out.add(parse.apply(part.trim()));
            } catch (NumberFormatException e) {
                throw new BadRequest("Invalid " + name + ": " + part);
            }
        }
        return out;
    }
}
