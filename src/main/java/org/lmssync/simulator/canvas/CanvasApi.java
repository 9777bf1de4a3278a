package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.PathTemplate;
import org.lmssync.simulator.SimClock;
import org.lmssync.simulator.SimHandler;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The Canvas REST endpoints under /api/v1/, behind the {@link CanvasGate}. */
final class CanvasApi implements SimHandler {
    private static final PathTemplate ACCOUNTS = new PathTemplate("/api/v1/accounts");
    private static final PathTemplate ACCOUNT = new PathTemplate("/api/v1/accounts/{account}");
    private static final PathTemplate TERMS = new PathTemplate("/api/v1/accounts/{account}/terms");
    private static final PathTemplate ACCOUNT_COURSES = new PathTemplate("/api/v1/accounts/{account}/courses");
    private static final PathTemplate ACCOUNT_USERS = new PathTemplate("/api/v1/accounts/{account}/users");
    private static final PathTemplate COURSE = new PathTemplate("/api/v1/courses/{course}");
    private static final PathTemplate COURSE_SECTIONS = new PathTemplate("/api/v1/courses/{course}/sections");
    private static final PathTemplate SECTION = new PathTemplate("/api/v1/sections/{section}");
    private static final PathTemplate COURSE_ENROLLMENTS = new PathTemplate("/api/v1/courses/{course}/enrollments");
    private static final PathTemplate SECTION_ENROLLMENTS = new PathTemplate("/api/v1/sections/{section}/enrollments");
    private static final PathTemplate COURSE_USERS = new PathTemplate("/api/v1/courses/{course}/users");
    private static final PathTemplate ASSIGNMENTS = new PathTemplate("/api/v1/courses/{course}/assignments");
    private static final PathTemplate ASSIGNMENT = new PathTemplate("/api/v1/courses/{course}/assignments/{id}");
    private static final PathTemplate COURSE_SUBMISSIONS =
            new PathTemplate("/api/v1/courses/{course}/students/submissions");
    private static final PathTemplate SECTION_SUBMISSIONS =
            new PathTemplate("/api/v1/sections/{section}/students/submissions");
    private static final PathTemplate AUTH_EVENTS = new PathTemplate("/api/v1/audit/authentication/users/{user}");
    private static final DateTimeFormatter BOOKMARK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    private final District d;
    private final CanvasJson json;
    private final Listings listings;
    private final Paging paging;
    private final CanvasGate gate;
    private final SimClock clock;

    CanvasApi(District d, CanvasJson json, Listings listings, Paging paging, CanvasGate gate, SimClock clock) {
        this.d = d;
        this.json = json;
        this.listings = listings;
        this.paging = paging;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public SimResponse handle(SimRequest req) {
        return gate.handle(req, this::route);
    }

    /** Thrown inside the read lock to answer with an error. */
    private static final class Refusal extends RuntimeException {
        final SimResponse response;

        Refusal(SimResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private Answer route(SimRequest req) {
        if (!"GET".equals(req.method())) {
            return Answer.of(CanvasErrors.notFound());
        }
        try {
            return d.read(() -> dispatch(req));
        } catch (Refusal r) {
            return Answer.of(r.response);
        } catch (Paging.InvalidPage e) {
            return Answer.of(CanvasErrors.notFound());
        }
    }

    private Answer dispatch(SimRequest req) {
        String p = req.path();
        Optional<Map<String, String>> m;
        if (ACCOUNTS.match(p).isPresent()) {
            return numeric(req, listings.accounts(), json::account);
        }
        if ((m = ACCOUNT.match(p)).isPresent()) {
            return one(json.account(account(m.get())));
        }
        if ((m = TERMS.match(p)).isPresent()) {
            account(m.get());
            Paging.Page<TermData> page = paging.numeric(req, d.terms);
            ObjectNode body = Json.object();
            ArrayNode arr = body.putArray("enrollment_terms");
            page.items().forEach(t -> arr.add(json.term(t)));
            return answer(body, page.link(), page.items().size());
        }
        if ((m = ACCOUNT_COURSES.match(p)).isPresent()) {
            return courses(req, account(m.get()));
        }
        if ((m = ACCOUNT_USERS.match(p)).isPresent()) {
            boolean deleted = bool(req.param("include_deleted_users").orElse(""));
            boolean email = includes(req).contains("email");
            return numeric(req, listings.accountUsers(account(m.get()), deleted), u -> json.user(u, email));
        }
        if ((m = COURSE.match(p)).isPresent()) {
            return one(json.course(course(m.get()), includes(req).contains("term")));
        }
        if ((m = COURSE_SECTIONS.match(p)).isPresent()) {
            return numeric(req, listings.sections(course(m.get()).id), json::section);
        }
        if ((m = SECTION.match(p)).isPresent()) {
            return one(json.section(section(m.get())));
        }
        if ((m = COURSE_ENROLLMENTS.match(p)).isPresent()) {
            return enrollments(req, course(m.get()).id, null);
        }
        if ((m = SECTION_ENROLLMENTS.match(p)).isPresent()) {
            SectionData s = section(m.get());
            return enrollments(req, s.courseId, s.id);
        }
        if ((m = COURSE_USERS.match(p)).isPresent()) {
            Set<String> states = values(req, "enrollment_state");
            return numeric(req, listings.courseUsers(course(m.get()).id, values(req, "enrollment_type"),
                    states.isEmpty() ? Listings.DEFAULT_COURSE_USER_STATES : states),
                    u -> json.user(u, includes(req).contains("email")));
        }
        if ((m = ASSIGNMENTS.match(p)).isPresent()) {
            return numeric(req, listings.assignments(course(m.get()).id, req.param("order_by").orElse(null)),
                    json::assignment);
        }
        if ((m = ASSIGNMENT.match(p)).isPresent()) {
            CourseData c = course(m.get());
            Long id = District.parseId(m.get().get("id"));
            AssignmentData a = id == null ? null : d.assignments.get(id);
            if (a == null || a.deleted || a.courseId != c.id) {
                throw new Refusal(CanvasErrors.notFound());
            }
            return one(json.assignment(a));
        }
        if ((m = COURSE_SUBMISSIONS.match(p)).isPresent()) {
            return submissions(req, course(m.get()).id, null);
        }
        if ((m = SECTION_SUBMISSIONS.match(p)).isPresent()) {
            SectionData s = section(m.get());
            return submissions(req, s.courseId, s.id);
        }
        if ((m = AUTH_EVENTS.match(p)).isPresent()) {
            return authEvents(req, m.get());
        }
        return Answer.of(CanvasErrors.notFound());
    }

    // ---- endpoints with filters ----

    private Answer courses(SimRequest req, AccountData account) {
        Set<String> states = values(req, "state");
        Long term = req.param("enrollment_term_id").map(District::parseId).orElse(null);
        Instant startsBefore = date(req, "starts_before");
        Instant endsAfter = date(req, "ends_after");
        Listings.CourseFilter f = new Listings.CourseFilter(
                states.isEmpty() ? Listings.DEFAULT_COURSE_STATES : states, term, startsBefore, endsAfter);
        boolean withTerm = includes(req).contains("term");
        return numeric(req, listings.courses(account, f), c -> json.course(c, withTerm));
    }

    private Answer enrollments(SimRequest req, long courseId, Long sectionId) {
        Set<String> states = values(req, "state");
        Optional<Long> user = req.param("user_id").map(District::parseId);
        List<EnrollmentData> all = listings.enrollments(courseId, sectionId,
                states.isEmpty() ? Listings.DEFAULT_ENROLLMENT_STATES : states, values(req, "type")).stream()
                .filter(e -> user.isEmpty() || e.userId == user.get()).toList();
        return numeric(req, all, json::enrollment);
    }

    private Answer submissions(SimRequest req, long courseId, Long sectionId) {
        Set<String> ids = values(req, "student_ids");
        Set<Long> students = null;
        if (!ids.contains("all")) {
            // Without student_ids Canvas lists the caller's own submissions; the token's admin has none.
            students = new LinkedHashSet<>();
            for (String s : ids) {
                Long id = District.parseId(s);
                if (id != null) {
                    students.add(id);
                }
            }
            if (students.size() > d.cfg.maxPerPage()) {
                throw new Refusal(SimResponse.json(400, Json.object().put("error", "too many students")));
            }
        }
        Optional<String> enrollmentState = req.param("enrollment_state").filter(s -> !s.isEmpty());
        if (enrollmentState.isPresent()) {
            String wanted = switch (enrollmentState.get()) {
                case "active" -> "active";
                case "concluded" -> "completed";
                default -> throw new Refusal(SimResponse.json(400, Json.object().put("error", "invalid enrollment_state")));
            };
            Set<Long> inState = new LinkedHashSet<>();
            listings.enrollments(courseId, sectionId, Set.of(wanted), Set.of("StudentEnrollment"))
                    .forEach(e -> inState.add(e.userId));
            if (students != null) {
                inState.retainAll(students);
            }
            students = inState;
        }
        Set<Long> assignmentIds = null;
        Set<String> requested = values(req, "assignment_ids");
        if (!requested.isEmpty()) {
            assignmentIds = new LinkedHashSet<>();
            Set<Long> published = new LinkedHashSet<>();
            listings.assignments(courseId, null).stream().filter(a -> a.published).forEach(a -> published.add(a.id));
            for (String s : requested) {
                Long id = District.parseId(s);
                if (id == null || !published.contains(id)) {
                    throw new Refusal(SimResponse.json(403,
                            Json.object().put("error", "invalid assignment ids requested")));
                }
                assignmentIds.add(id);
            }
        }
        Instant submittedSince = since(req, "submitted_since");
        Instant gradedSince = since(req, "graded_since");
        boolean byGradedAt = req.param("order").filter("graded_at"::equals).isPresent();
        boolean descending = req.param("order_direction").filter("descending"::equals).isPresent();
        Listings.SubmissionQuery q = new Listings.SubmissionQuery(sectionId, students, assignmentIds,
                req.param("workflow_state").filter(s -> !s.isEmpty()).orElse(null), submittedSince, gradedSince,
                byGradedAt, descending);
        List<Submission> all = listings.submissions(courseId, q);
        if (descending) {
            // Canvas bookmarks only the ascending orders; descending ones page by number.
            return numeric(req, all, json::submission);
        }
        Paging.Page<Submission> page = paging.bookmarked(req, all, byGradedAt ? GRADED_AT_ORDER : ID_ORDER);
        ArrayNode arr = Json.array();
        page.items().forEach(s -> arr.add(json.submission(s)));
        return answer(arr, page.link(), page.items().size());
    }

    private static final Paging.BookmarkOrder<Submission> ID_ORDER = new Paging.BookmarkOrder<>() {
        @Override
        public ArrayNode key(Submission s) {
            return Json.array().add(s.id());
        }

        @Override
        public int compareToKey(Submission s, ArrayNode key) {
            return Long.compare(s.id(), key.get(0).asLong());
        }
    };

    private static final Paging.BookmarkOrder<Submission> GRADED_AT_ORDER = new Paging.BookmarkOrder<>() {
        @Override
        public ArrayNode key(Submission s) {
            ArrayNode a = Json.array();
            if (s.gradedAt() == null) {
                a.addNull();
            } else {
                a.add(s.gradedAt().toString());
            }
            return a.add(s.id());
        }

        @Override
        public int compareToKey(Submission s, ArrayNode key) {
            JsonNode k0 = key.get(0);
            Instant keyTime = k0 == null || k0.isNull() ? null : Instant.parse(k0.asText());
            int c;
            if (s.gradedAt() == null || keyTime == null) {
                c = s.gradedAt() == null ? (keyTime == null ? 0 : 1) : -1;
            } else {
                c = s.gradedAt().compareTo(keyTime);
            }
            return c != 0 ? c : Long.compare(s.id(), key.path(1).asLong());
        }
    };

    private Answer authEvents(SimRequest req, Map<String, String> vars) {
        Long id = District.parseId(vars.get("user"));
        UserData u = id == null ? null : d.usersById.get(id);
        if (u == null) {
            throw new Refusal(CanvasErrors.notFound());
        }
        Instant start = date(req, "start_time");
        Instant end = date(req, "end_time");
        List<AuthEvent> all = listings.authEvents(u, start, end, clock.instant());
        Paging.Page<AuthEvent> page = paging.bookmarked(req, all, new Paging.BookmarkOrder<>() {
            @Override
            public ArrayNode key(AuthEvent e) {
                String at = BOOKMARK_TIME.format(e.createdAt().atZone(d.cfg.timeZone()));
                return Json.array().add(at).add(e.id());
            }

            @Override
            public int compareToKey(AuthEvent e, ArrayNode key) {
                Instant at;
                try {
                    at = OffsetDateTime.parse(key.path(0).asText(), BOOKMARK_TIME).toInstant();
                } catch (RuntimeException ex) {
                    throw new Paging.InvalidPage();
                }
                AuthEvent marker = new AuthEvent(key.path(1).asText(), at, "", 0, 0, 0);
                return AuthEvents.NEWEST_FIRST.compare(e, marker);
            }
        });
        return answer(json.authEventsDocument(page.items()), page.link(), page.items().size());
    }

    // ---- helpers ----

    private <T> Answer numeric(SimRequest req, List<T> all, Function<T, ObjectNode> render) {
        Paging.Page<T> page = paging.numeric(req, all);
        ArrayNode arr = Json.array();
        page.items().forEach(x -> arr.add(render.apply(x)));
        return answer(arr, page.link(), page.items().size());
    }

    private static Answer answer(JsonNode body, String link, int records) {
        SimResponse r = SimResponse.json(200, body);
        return new Answer(link == null ? r : r.withHeader("Link", link), records);
    }

    private static Answer one(ObjectNode body) {
        return new Answer(SimResponse.json(200, body), 1);
    }

    private AccountData account(Map<String, String> vars) {
        AccountData a = d.account(vars.get("account"));
        if (a == null) {
            throw new Refusal(CanvasErrors.notFound());
        }
        return a;
    }

    private CourseData course(Map<String, String> vars) {
        Long id = District.parseId(vars.get("course"));
        CourseData c = id == null ? null : d.courses.get(id);
        if (c == null) {
            throw new Refusal(CanvasErrors.notFound());
        }
        return c;
    }

    private SectionData section(Map<String, String> vars) {
        Long id = District.parseId(vars.get("section"));
        SectionData s = id == null ? null : d.sections.get(id);
        if (s == null || s.deleted) {
            throw new Refusal(CanvasErrors.notFound());
        }
        return s;
    }

    /** Values of {@code name[]} (and of a bare {@code name}, which Rails also reads as the filter). */
    private static Set<String> values(SimRequest req, String name) {
        Set<String> out = new LinkedHashSet<>(req.params(name + "[]"));
        out.addAll(req.params(name));
        out.remove("");
        return out;
    }

    private static Set<String> includes(SimRequest req) {
        return values(req, "include");
    }

    private static boolean bool(String v) {
        return Set.of("true", "1", "yes", "on").contains(v.toLowerCase(Locale.ROOT));
    }

    private Instant date(SimRequest req, String name) {
        Optional<String> v = req.param(name).filter(s -> !s.isEmpty());
        if (v.isEmpty()) {
            return null;
        }
        return TimeParams.dateOrDateTime(v.get(), d.cfg.timeZone())
                .orElseThrow(() -> new Refusal(CanvasErrors.badParam(name, "Invalid datetime for " + name)));
    }

    private Instant since(SimRequest req, String name) {
        Optional<String> v = req.param(name).filter(s -> !s.isEmpty());
        if (v.isEmpty()) {
            return null;
        }
        return TimeParams.dateTime(v.get(), d.cfg.timeZone())
                .orElseThrow(() -> new Refusal(CanvasErrors.badParam(name, "Invalid datetime for " + name)));
    }
}
