package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.SimShell;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Schoology REST v1 served on 127.0.0.1 from a deterministic district. Clients use
 * {@link #apiBaseUrl()} (= {@link #baseUrl()} + "/v1") and sign with {@link #consumerKey()} /
 * {@link #consumerSecret()} and an empty token. The truth accessors return exactly the items a
 * complete listing returns, in order.
 */
public final class SchoologySimulator extends SimShell<SchoologySimConfig, SchoologyChanges> {
    private final District district;
    private final Listings listings;
    private final SchoologyJson json;
    private final TokenBucket bucket;
    private final SchoologyChanges changes;

    private SchoologySimulator(SchoologySimConfig config) {
        super("schoology", config);
        this.district = new District(config, todayOr(config.today()));
        this.listings = new Listings(district);
        // links carry the port, known only once the server runs
        Supplier<String> base = baseUrlLater();
        this.json = new SchoologyJson(district, () -> base.get() + "/v1");
        JsonOut out = new JsonOut(config.escapeSlashes());
        this.bucket = new TokenBucket(clock(), config.rateLimitRequests(), config.rateLimitWindow(), config.rateLimitBurst());
        OAuthVerifier verifier = new OAuthVerifier(config, clock(), () -> base.get().substring("http://".length()));
        ApiGate gate = new ApiGate(verifier, bucket, config);
        SchoologyApi api = new SchoologyApi(district, listings, json, out, new Paging(config, base), gate);
        this.changes = new SchoologyChanges(district, clock());
        serve(b -> b.errorRenderer(SchoologyErrors.renderer())
                .recordFaultHook(new SchoologyRecordFaults(out))
                .route("/v1/", api));
    }

    /** Starts with {@link SchoologySimConfig#defaults()}. */
    public static SchoologySimulator start() {
        return start(SchoologySimConfig.defaults());
    }

    public static SchoologySimulator start(SchoologySimConfig config) {
        return new SchoologySimulator(config);
    }

    // ---- addresses and credentials ----

    /** The API under /v1, the consumer key and secret, and the district's school year. */
    @Override
    public Map<String, String> settings(Path dir) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("lms.schoology.enabled", "true");
        s.put("lms.schoology.base-url", apiBaseUrl());
        s.put("lms.schoology.key", consumerKey());
        s.put("lms.schoology.secret", consumerSecret());
        s.put("lms.school-year-start", schoolYearStart().toString());
        return s;
    }

    @Override
    public Map<String, String> rejectedCredentials() {
        return Map.of("lms.schoology.secret", "wrong-schoology-secret-5c2b");
    }

    @Override
    public String applyDemoChanges() {
        return DemoRound.apply(this);
    }

    /** {@link #baseUrl()} + "/v1": the value for lms.schoology.base-url. */
    public String apiBaseUrl() {
        return baseUrl() + "/v1";
    }

    public String consumerKey() {
        return config().consumerKey();
    }

    public String consumerSecret() {
        return config().consumerSecret();
    }

    // ---- test hooks ----

    @Override
    public SchoologyChanges changes() {
        return changes;
    }

    @Override
    protected <T> T write(Supplier<T> action) {
        return district.write(action);
    }

    /** Moves "today": grading periods that ended before it are past, and so are their sections. */
    public void setToday(LocalDate today) {
        district.setToday(today);
    }

    public LocalDate today() {
        return district.today();
    }

    /** First day of the current full-year grading period. */
    public LocalDate schoolYearStart() {
        return district.schoolYearStart;
    }

    /** Last year's grading period, where moved sections go. */
    public long pastGradingPeriodId() {
        return district.pastPeriodId;
    }

    /** Changes the throttle at run time (0 requests turns it off); the bucket starts full. */
    public void setRateLimit(int requests, Duration window, int burst) {
        bucket.configure(requests, window, burst);
    }

    // ---- truth: the items complete listings return, in order ----

    /** GET users (active users). */
    public List<JsonNode> users() {
        return district.read(() -> render(listings.activeUsers(), json::user));
    }

    /** GET users/inactive. */
    public List<JsonNode> inactiveUsers() {
        return district.read(() -> render(listings.inactiveUsers(), json::inactiveUser));
    }

    /** GET roles. */
    public List<JsonNode> roles() {
        return district.read(() -> render(Roles.ALL, json::role));
    }

    /** GET courses. */
    public List<JsonNode> courses() {
        return district.read(() -> render(listings.courses(), json::course));
    }

    /** GET courses/{id}/sections, without include_past. */
    public List<JsonNode> sections(long courseId) {
        return sections(courseId, false);
    }

    /** GET courses/{id}/sections, with include_past=1 when {@code includePast}. */
    public List<JsonNode> sections(long courseId, boolean includePast) {
        return district.read(() -> render(listings.sections(course(courseId), includePast), json::section));
    }

    /** GET sections/{id}/enrollments (all statuses). */
    public List<JsonNode> enrollments(long sectionId) {
        return district.read(() -> {
            SectionData s = section(sectionId);
            return render(listings.enrollments(s, null, null), e -> json.enrollment(s, e));
        });
    }

    /** GET sections/{id}/assignments. */
    public List<JsonNode> assignments(long sectionId) {
        return district.read(() -> {
            SectionData s = section(sectionId);
            return render(listings.assignments(s), a -> json.assignment(s, a));
        });
    }

    /** GET sections/{id}/submissions/{gradeItemId}: each user's latest revision. */
    public List<JsonNode> submissions(long sectionId, long gradeItemId) {
        return submissions(sectionId, gradeItemId, false);
    }

    /** Same, with all_revisions=1 when {@code allRevisions}. */
    public List<JsonNode> submissions(long sectionId, long gradeItemId, boolean allRevisions) {
        return district.read(() -> {
            AssignmentData a = section(sectionId).assignments.get(gradeItemId);
            if (a == null) {
                throw new IllegalArgumentException("no assignment " + gradeItemId + " in section " + sectionId);
            }
            return render(listings.revisions(a, allRevisions), r -> json.revision(r.uid(), r.revision()));
        });
    }

    /** GET gradingperiods. */
    public List<JsonNode> gradingPeriods() {
        return district.read(() -> render(listings.gradingPeriods(), json::gradingPeriod));
    }

    /** The "date" items of GET sections/{id}/attendance?start=from&end=to (null = open end). */
    public List<JsonNode> attendance(long sectionId, LocalDate from, LocalDate to) {
        return district.read(() -> {
            List<JsonNode> out = new ArrayList<>();
            listings.attendance(section(sectionId), from, to, null)
                    .forEach((date, marks) -> out.add(reparse(json.attendanceDate(date, marks))));
            return out;
        });
    }

    /** The same attendance flattened to its individual entries (enrollment_id, date, status, comment). */
    public List<JsonNode> attendanceEntries(long sectionId, LocalDate from, LocalDate to) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode date : attendance(sectionId, from, to)) {
            for (JsonNode status : date.path("statuses").path("status")) {
                status.path("attendances").path("attendance").forEach(out::add);
            }
        }
        return out;
    }

    // ---- ids, for tests that walk the district ----

    public List<Long> courseIds() {
        return district.read(() -> List.copyOf(district.courses.keySet()));
    }

    public List<Long> sectionIds(long courseId, boolean includePast) {
        return district.read(() -> listings.sections(course(courseId), includePast).stream().map(s -> s.id).toList());
    }

    /** Sections of every course, in listing order. */
    public List<Long> allSectionIds(boolean includePast) {
        return district.read(() -> district.courses.values().stream()
                .flatMap(c -> listings.sections(c, includePast).stream()).map(s -> s.id).toList());
    }

    public List<Long> assignmentIds(long sectionId) {
        return district.read(() -> listings.assignments(section(sectionId)).stream().map(a -> a.id).toList());
    }

    /**
     * Records a complete crawl with include_past=1 sees: users (active and inactive), courses,
     * sections, enrollments, assignments, latest submissions, grading periods and attendance entries.
     */
    public long recordCount() {
        return district.read(() -> {
            long n = district.users.size() + district.courses.size() + district.gradingPeriods.size();
            for (SectionData s : district.sections.values()) {
                n += 1 + s.enrollments.size() + s.assignments.size();
                for (AssignmentData a : s.assignments.values()) {
                    n += a.submissions.size();
                }
                for (var day : s.attendance.values()) {
                    n += day.size();
                }
            }
            return n;
        });
    }

    /**
     * Rendered and read back, so numbers have the node types a client's parser produces
     * (an int-sized id parses as IntNode, not the LongNode it was built with) and equals() holds.
     */
    private <T> List<JsonNode> render(List<T> items, Function<T, ObjectNode> f) {
        List<JsonNode> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(reparse(f.apply(i))));
        return out;
    }

    private static JsonNode reparse(JsonNode node) {
        return Json.read(Json.bytes(node));
    }

    private CourseData course(long id) {
        CourseData c = district.courses.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no course " + id);
        }
        return c;
    }

    private SectionData section(long id) {
        SectionData s = district.sections.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no section " + id);
        }
        return s;
    }
}
