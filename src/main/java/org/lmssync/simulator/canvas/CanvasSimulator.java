package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmssync.simulator.Latency;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.SimShell;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Canvas LMS REST API on 127.0.0.1, served from a deterministic district. Point the product's
 * {@code lms.canvas.base-url} at {@link #baseUrl()} (it appends /api/v1) and send
 * {@code Authorization: Bearer} {@link #accessToken()}.
 */
public final class CanvasSimulator extends SimShell<CanvasSimConfig, Changes> {
    private final District district;
    private final CanvasJson json;
    private final Listings listings;
    private final Throttle throttle;
    private final CanvasGate gate;
    private final Changes changes;

    private CanvasSimulator(CanvasSimConfig config) {
        super("canvas", config);
        this.district = new District(config, clock().instant());
        // links and html_url carry the port, known only once the server runs
        Supplier<String> base = baseUrlLater();
        Submissions submissions = new Submissions(district);
        this.json = new CanvasJson(district, submissions, base);
        this.listings = new Listings(district, submissions, new AuthEvents(district));
        this.throttle = new Throttle(config.throttle(), System::nanoTime);
        this.gate = new CanvasGate(throttle, config.accessToken(), config.latency());
        this.changes = new Changes(district, clock());
        CanvasApi api = new CanvasApi(district, json, listings, new Paging(config, base), gate, clock());
        // Canvas spends the latency inside its throttle ticket (see CanvasGate), not before it
        serve(b -> b.latency(Latency.NONE).errorRenderer(CanvasErrors.renderer())
                .recordFaultHook(new CanvasRecordFaults())
                .route("/api/v1/", api));
    }

    public static CanvasSimulator start() {
        return start(CanvasSimConfig.defaults());
    }

    public static CanvasSimulator start(CanvasSimConfig config) {
        return new CanvasSimulator(config);
    }

    // ---- address and credentials ----

    /** The host (lms-sync appends /api/v1), the token and the root account. */
    @Override
    public Map<String, String> settings(Path dir) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("lms.canvas.enabled", "true");
        s.put("lms.canvas.base-url", baseUrl());
        s.put("lms.canvas.access-token", accessToken());
        s.put("lms.canvas.account-id", "self");
        return s;
    }

    @Override
    public Map<String, String> rejectedCredentials() {
        return Map.of("lms.canvas.access-token", "wrong-canvas-token-7d1e");
    }

    @Override
    public String applyDemoChanges() {
        return DemoRound.apply(this);
    }

    /** The token configured at start. */
    public String accessToken() {
        return config().accessToken();
    }

    /** The root account's numeric id (the API also accepts "self"). */
    public long rootAccountId() {
        return District.ROOT_ACCOUNT_ID;
    }

    /** Another token the API accepts from now on. */
    public void addAccessToken(String token) {
        gate.tokens().add(token);
    }

    /** The token stops working: requests with it answer 401 Invalid access token. */
    public void revokeAccessToken(String token) {
        gate.tokens().remove(token);
    }

    /**
     * Requests whose path starts with {@code pathPrefix} (e.g. "/api/v1/audit/") are refused with
     * the given permission error until {@link #clearDenials()}.
     */
    public void deny(String pathPrefix, Denial denial) {
        gate.deny(pathPrefix, denial);
    }

    public void clearDenials() {
        gate.clearDenials();
    }

    // ---- throttle ----

    /** Requests refused by the leaky bucket since start (or the last reset). */
    public long throttledCount() {
        return throttle.throttledCount();
    }

    /** The bucket's current count for a token (after leaking); 0 for an unseen token. */
    public double bucketLevel(String token) {
        return throttle.level("token:" + token);
    }

    /**
     * The real cost charged since start (or the last reset): the sum of every X-Request-Cost sent,
     * which is what the leaky bucket has to drain.
     */
    public double chargedCost() {
        return throttle.chargedCost();
    }

    /** Empties every bucket and zeroes the throttled count and the charged cost. */
    public void resetThrottle() {
        throttle.reset();
    }

    public ThrottleSettings throttleSettings() {
        return throttle.settings();
    }

    /** Replaces the bucket settings at run time (e.g. to switch throttling off mid-test). */
    public void setThrottleSettings(ThrottleSettings settings) {
        throttle.settings(settings);
    }

    // ---- changes ----

    @Override
    public Changes changes() {
        return changes;
    }

    @Override
    protected <T> T write(Supplier<T> action) {
        return district.write(action);
    }

    // ---- truth: exactly what complete listings return ----

    /** As a client parses it, so numbers compare equal to parsed responses (int vs long nodes). */
    private static JsonNode wire(JsonNode node) {
        return Json.read(Json.bytes(node));
    }

    /** GET accounts. */
    public List<JsonNode> accounts() {
        return district.read(() -> listings.accounts().stream().map(a -> wire(json.account(a))).toList());
    }

    /** Root account courses with the default states (all but deleted). */
    public List<JsonNode> courses() {
        return courses(Listings.DEFAULT_COURSE_STATES);
    }

    /** Root account courses for these state[] values (created, claimed, available, completed, deleted, all). */
    public List<JsonNode> courses(Collection<String> states) {
        return district.read(() -> listings.courses(district.rootAccount(), Listings.CourseFilter.states(states))
                .stream().map(c -> wire(json.course(c, false))).toList());
    }

    public List<JsonNode> sections(long courseId) {
        return district.read(() -> listings.sections(courseId).stream().map(s -> wire(json.section(s))).toList());
    }

    /** sections/:id/enrollments with the default states (active, invited). */
    public List<JsonNode> enrollments(long sectionId) {
        return enrollments(sectionId, Listings.DEFAULT_ENROLLMENT_STATES);
    }

    public List<JsonNode> enrollments(long sectionId, Collection<String> states) {
        return district.read(() -> {
            SectionData s = district.sections.get(sectionId);
            if (s == null) {
                throw new IllegalArgumentException("no section " + sectionId);
            }
            return listings.enrollments(s.courseId, s.id, Set.copyOf(states), Set.of()).stream()
                    .map(e -> wire(json.enrollment(e))).toList();
        });
    }

    /** courses/:id/enrollments for these states. */
    public List<JsonNode> courseEnrollments(long courseId, Collection<String> states) {
        return district.read(() -> listings.enrollments(courseId, null, Set.copyOf(states), Set.of()).stream()
                .map(e -> wire(json.enrollment(e))).toList());
    }

    /** Root accounts/:id/users without include[]=email, sorted by sortable name. */
    public List<JsonNode> users(boolean includeDeleted) {
        return users(includeDeleted, false);
    }

    /**
     * Root accounts/:id/users, sorted by sortable name, as listed with include_deleted_users=
     * {@code includeDeleted} and, when {@code withEmail}, include[]=email.
     */
    public List<JsonNode> users(boolean includeDeleted, boolean withEmail) {
        return district.read(() -> listings.accountUsers(district.rootAccount(), includeDeleted).stream()
                .map(u -> wire(json.user(u, withEmail))).toList());
    }

    /** Ids of the users deleted upstream (whether or not a listing shows them). */
    public List<Long> deletedUserIds() {
        return district.read(() -> district.users.stream().filter(u -> u.deleted).map(u -> u.id).toList());
    }

    /** courses/:id/assignments in position order. */
    public List<JsonNode> assignments(long courseId) {
        return district.read(() -> listings.assignments(courseId, null).stream()
                .map(a -> wire(json.assignment(a))).toList());
    }

    /**
     * courses/:id/students/submissions?student_ids[]=all in id order; null arguments do not filter.
     * Both filters are strict (after, not at) unless {@link CanvasSimConfig#sinceInclusive()}.
     */
    public List<JsonNode> submissions(long courseId, Instant submittedSince, Instant gradedSince) {
        Listings.SubmissionQuery q = new Listings.SubmissionQuery(null, null, null, null, submittedSince, gradedSince,
                false, false);
        return district.read(() -> listings.submissions(courseId, q).stream()
                .map(s -> wire(json.submission(s))).toList());
    }

    /** audit/authentication/users/:id events in [start, end] (null: open), newest first. */
    public List<JsonNode> authEvents(long userId, Instant start, Instant end) {
        return district.read(() -> {
            UserData u = district.usersById.get(userId);
            if (u == null) {
                throw new IllegalArgumentException("no user " + userId);
            }
            return listings.authEvents(u, start, end, clock().instant()).stream()
                    .map(e -> wire(json.authEvent(e))).toList();
        });
    }

    /** Ids of every course in any state. */
    public List<Long> allCourseIds() {
        return district.read(() -> List.copyOf(district.courses.keySet()));
    }

    /** Ids of every user, deleted or not. */
    public List<Long> allUserIds() {
        return district.read(() -> district.users.stream().map(u -> u.id).toList());
    }

    /** Records served by complete default listings of the root account and its live courses. */
    public long recordCount() {
        return district.read(() -> {
            long n = listings.accounts().size() + district.terms.size();
            n += listings.accountUsers(district.rootAccount(), false).size();
            for (CourseData c : listings.courses(district.rootAccount(),
                    Listings.CourseFilter.states(Listings.DEFAULT_COURSE_STATES))) {
                n += 1 + listings.sections(c.id).size() + listings.assignments(c.id, null).size();
                n += listings.enrollments(c.id, null, Listings.DEFAULT_ENROLLMENT_STATES, Set.of()).size();
                n += listings.submissions(c.id, Listings.SubmissionQuery.all()).size();
            }
            for (UserData u : district.users) {
                n += listings.authEvents(u, null, null, clock().instant()).size();
            }
            return n;
        });
    }
}
