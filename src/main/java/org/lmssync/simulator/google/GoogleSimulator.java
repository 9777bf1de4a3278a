package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmssync.simulator.SimShell;
import org.lmssync.simulator.SlidingWindowLimiter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Google Classroom v1, Admin SDK Reports (user usage) and the OAuth token endpoint, served on
 * 127.0.0.1 from a deterministic district. Both APIs share one host: point the Classroom and
 * Reports root URLs and the key file's token_uri at {@link #baseUrl()}.
 */
public final class GoogleSimulator extends SimShell<GoogleSimConfig, Changes> {
    private final District district;
    private final ClassroomJson json;
    private final ClassroomApi classroom;
    private final UsageReports usage;
    private final TokenService tokens;
    private final PageTokens pageTokens;
    private final SlidingWindowLimiter quota;
    private final ServiceAccount account;
    private final Changes changes;

    private GoogleSimulator(GoogleSimConfig config) {
        super("google", config);
        this.district = new District(config, todayOr(config.today()));
        this.json = new ClassroomJson(district);
        this.usage = new UsageReports(district);
        this.pageTokens = new PageTokens(config.seed());
        this.quota = new SlidingWindowLimiter(clock(), config.quotaPerMinute(), Duration.ofMinutes(1));
        this.account = ServiceAccount.create(config.seed(), config.projectId());
        this.changes = new Changes(district, clock());
        Pager pager = new Pager(pageTokens, config.shortPageShare(), config.seed());
        this.tokens = new TokenService(account, config, clock(), this::tokenUri);
        ApiGate gate = new ApiGate(tokens, quota, config);
        this.classroom = new ClassroomApi(district, json, gate, pager);
        ReportsApi reports = new ReportsApi(district, usage, gate, pager);
        serve(b -> b.errorRenderer(GoogleErrors.renderer())
                .recordFaultHook(new GoogleRecordFaults(pageTokens))
                .credentialExpiry(tokens::expireAll)
                .route("/token", tokens::handle)
                .route("/v1/", classroom)
                .route("/admin/reports/v1/", reports));
    }

    /** Starts with {@link GoogleSimConfig#defaults()}. */
    public static GoogleSimulator start() {
        return start(GoogleSimConfig.defaults());
    }

    public static GoogleSimulator start(GoogleSimConfig config) {
        return new GoogleSimulator(config);
    }

    // ---- addresses and credentials ----

    /** Classroom and Reports on this host, a key file whose token_uri points here, the delegated admin. */
    @Override
    public Map<String, String> settings(Path dir) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("lms.google.enabled", "true");
        s.put("lms.google.classroom-url", baseUrl());
        s.put("lms.google.reports-url", baseUrl());
        s.put("lms.google.service-account-file", writeServiceAccountKey(dir.resolve("google-service-account.json")).toString());
        s.put("lms.google.admin-email", adminEmail());
        return s;
    }

    /** An admin the service account has no domain-wide delegation for: the token endpoint answers 401. */
    @Override
    public Map<String, String> rejectedCredentials() {
        String domain = adminEmail().substring(adminEmail().indexOf('@') + 1);
        return Map.of("lms.google.admin-email", "not-delegated@" + domain);
    }

    @Override
    public String applyDemoChanges() {
        return DemoRound.apply(this);
    }

    /** Root URL for Classroom clients (they append v1/...). */
    public String classroomRootUrl() {
        return baseUrl() + "/";
    }

    /** Root URL for Reports clients (they append admin/reports/v1/...). */
    public String reportsRootUrl() {
        return baseUrl() + "/";
    }

    public String tokenUri() {
        return baseUrl() + "/token";
    }

    public String serviceAccountEmail() {
        return account.email();
    }

    public String adminEmail() {
        return config().adminEmail();
    }

    public ServiceAccount serviceAccount() {
        return account;
    }

    /** The key file contents: Google's service-account JSON with token_uri pointing here. */
    public String serviceAccountKeyJson() {
        return account.keyFileJson(tokenUri(), baseUrl());
    }

    /** Writes the key file (owner read/write only where the file system allows) and returns it. */
    public Path writeServiceAccountKey(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, serviceAccountKeyJson(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Non-POSIX file systems keep default permissions.
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- test hooks ----

    /** Every issued access token becomes expired; the next API call answers 401. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    public long activeTokenCount() {
        return tokens.activeCount();
    }

    /** How many access tokens the token endpoint has issued. */
    public long issuedTokenCount() {
        return tokens.issuedCount();
    }

    /** Every page token handed out so far becomes invalid (400 when reused). */
    public void expirePageTokens() {
        pageTokens.expireAll();
    }

    /** Changes the quota at run time; 0 turns it off. Also clears the current window. */
    public void setQuotaPerMinute(int limit) {
        quota.setLimit(limit);
        quota.reset();
    }

    @Override
    public Changes changes() {
        return changes;
    }

    @Override
    protected <T> T write(Supplier<T> action) {
        return district.write(action);
    }

    public void setToday(LocalDate today) {
        district.setToday(today);
    }

    public LocalDate today() {
        return district.today();
    }

    // ---- truth: exactly what complete listings return (profiles include emailAddress) ----

    /** courses.list with default courseStates. */
    public List<JsonNode> courses() {
        return courses(ClassroomApi.DEFAULT_COURSE_STATES);
    }

    public List<JsonNode> courses(Collection<String> states) {
        return district.read(() -> classroom.courses(states).stream().map(c -> (JsonNode) json.course(c)).toList());
    }

    public Optional<JsonNode> course(String courseId) {
        return district.read(() -> Optional.ofNullable(district.courses.get(courseId)).map(json::course));
    }

    /** Ids of every course in any state. */
    public List<String> allCourseIds() {
        return district.read(() -> List.copyOf(district.courses.keySet()));
    }

    public List<JsonNode> students(String courseId) {
        return roster(courseId, true);
    }

    public List<JsonNode> teachers(String courseId) {
        return roster(courseId, false);
    }

    private List<JsonNode> roster(String courseId, boolean students) {
        return district.read(() -> {
            CourseData c = courseData(courseId);
            return ClassroomApi.roster(c, students).stream()
                    .map(e -> (JsonNode) json.rosterEntry(c, e, students, true)).toList();
        });
    }

    /** courseWork.list with defaults: PUBLISHED, updateTime desc. */
    public List<JsonNode> courseWork(String courseId) {
        return courseWork(courseId, List.of("PUBLISHED"));
    }

    /** courseWork.list with these states, default order (updateTime desc). */
    public List<JsonNode> courseWork(String courseId, Collection<String> states) {
        return district.read(() -> ClassroomApi.courseWork(courseData(courseId), states, ClassroomApi.DEFAULT_COMPARATOR)
                .stream().map(w -> (JsonNode) json.courseWork(w)).toList());
    }

    /** studentSubmissions.list with courseWorkId "-" and no filters. */
    public List<JsonNode> submissions(String courseId) {
        return submissions(courseId, "-");
    }

    public List<JsonNode> submissions(String courseId, String courseWorkId) {
        return district.read(() -> classroom.submissions(courseData(courseId), courseWorkId).stream()
                .map(k -> (JsonNode) json.submission(k)).toList());
    }

    /** Usage rows for {@code date} as served without a parameters filter (all parameters). */
    public List<JsonNode> usage(LocalDate date) {
        return usage(date, UsageReports.ALL);
    }

    /** Usage rows when the request names these parameters (either spelling). */
    public List<JsonNode> usage(LocalDate date, Collection<String> parameters) {
        List<String> params = UsageReports.resolve(String.join(",", parameters));
        if (params == null) {
            throw new IllegalArgumentException("unknown usage parameter in " + parameters);
        }
        return district.read(() -> {
            UsageReports.Availability a = usage.availability(date, district.today());
            return usage.users(date, a).stream().map(u -> (JsonNode) usage.row(u, date, params)).toList();
        });
    }

    /** The warnings array the usage report for {@code date} carries (empty when complete). */
    public JsonNode usageWarnings(LocalDate date) {
        return district.read(() -> usage.warnings(date, usage.availability(date, district.today()), UsageReports.ALL));
    }

    private CourseData courseData(String courseId) {
        CourseData c = district.courses.get(courseId);
        if (c == null) {
            throw new IllegalArgumentException("no course " + courseId);
        }
        return c;
    }

    /** Total records served by complete default listings: courses, rosters, work, submissions. */
    public long recordCount() {
        return district.read(() -> {
            long n = 0;
            for (CourseData c : classroom.courses(ClassroomApi.DEFAULT_COURSE_STATES)) {
                n += 1 + c.students.size() + c.teachers.size();
                long published = c.courseWork.values().stream().filter(w -> w.state.equals("PUBLISHED")).count();
                n += published + published * c.students.size();
            }
            return n;
        });
    }
}
