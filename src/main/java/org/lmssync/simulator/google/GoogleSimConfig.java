package org.lmssync.simulator.google;

import org.lmssync.simulator.Shapes;
import org.lmssync.simulator.Latency;
import org.lmssync.simulator.SimClock;
import org.lmssync.simulator.SimConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Settings of a {@link GoogleSimulator}. Values the reference could not confirm are all here so
 * tests can vary them. Build with {@link #builder()}.
 *
 * @param dataStart               generated timestamps lie in [dataStart, dataStart + dataSpanDays)
 * @param extraTokenAudiences     JWT aud values accepted besides the simulator's own token URI; Google's
 *                                Java auth library always signs aud = https://oauth2.googleapis.com/token
 *                                even when token_uri points elsewhere
 * @param delegatedScopes         scopes the admin granted by domain-wide delegation; a JWT asking
 *                                for any other scope is refused with unauthorized_client
 * @param defaultPageSize         page size when pageSize is 0/absent (courses, course work, submissions)
 * @param rosterDefaultPageSize   page size when pageSize is 0/absent (students, teachers)
 * @param maxPageSize             pageSize above this is silently capped
 * @param shortPageShare          probability that a page holds fewer records than asked (never 0)
 * @param quotaPerMinute          API requests admitted per moving minute; 0 turns quota off
 * @param quotaRetryAfterSeconds  Retry-After on quota replies; 0 sends none
 * @param reportsQuotaStatus      status for Reports over quota (429; some sources say 503 or 403)
 * @param partialDataDays         dates in [today-N, today-1] carry PARTIAL_DATA_AVAILABLE
 * @param dataNotAvailableDays    dates in [today-N+1, today] carry DATA_NOT_AVAILABLE and no rows
 * @param partialDataShare        share of users reported on a partial-data date
 * @param usageNoParametersShare  share of usage rows without a parameters array
 * @param neverInteractedShare    share of users whose last interaction is the 1970 sentinel
 * @param today                   the Reports "today"; null means the clock's date at start
 * @param threads                server worker threads (32: well above the requests a client keeps in flight)
 * @param latency                every request is answered after this delay (fixed plus jitter; default none),
 *                               spent on a server worker thread: keep {@code threads} above the requests in flight
 * @param clock                   null means {@link SimClock#system()}
 * @param omitTimesOnNewSubmissions NEW submissions carry no creationTime/updateTime until edited
 * @param alwaysMillisTimestamps  Classroom timestamps always carry 3 fraction digits, as in every captured
 *                                real response (the default); false follows protobuf JSON's 0, 3, 6 or 9
 * @param shapes                  REAL (default): submissions as real ones are (updateTime a few ms before
 *                                creationTime on some, the first stateTimestamp before creationTime, late
 *                                on never-turned-in work, repeated draft grades, resubmission cycles,
 *                                RETURNED without a grade, attachments), course work with materials and
 *                                a student work folder; DOCUMENTED: the tidy documented forms
 */
public record GoogleSimConfig(
        long seed,
        DistrictSize size,
        String domain,
        String adminEmail,
        String customerId,
        String projectId,
        Instant dataStart,
        int dataSpanDays,
        boolean varyCourseStates,
        int tokenExpiresInSeconds,
        int jwtClockSkewSeconds,
        Set<String> extraTokenAudiences,
        Set<String> delegatedScopes,
        int defaultPageSize,
        int rosterDefaultPageSize,
        int maxPageSize,
        double shortPageShare,
        int reportsMaxResults,
        int quotaPerMinute,
        int quotaRetryAfterSeconds,
        int reportsQuotaStatus,
        int partialDataDays,
        int dataNotAvailableDays,
        double partialDataShare,
        double usageNoParametersShare,
        double neverInteractedShare,
        boolean rejectFutureDates,
        LocalDate today,
        boolean omitTimesOnNewSubmissions,
        boolean alwaysMillisTimestamps,
        Shapes shapes,
        Latency latency,
        int threads,
        SimClock clock) implements SimConfig {

    /** Google's production token endpoint, the audience Google's client libraries sign for. */
    public static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

    public static GoogleSimConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.size = size;
        b.domain = domain;
        b.adminEmail = adminEmail;
        b.customerId = customerId;
        b.projectId = projectId;
        b.dataStart = dataStart;
        b.dataSpanDays = dataSpanDays;
        b.varyCourseStates = varyCourseStates;
        b.tokenExpiresInSeconds = tokenExpiresInSeconds;
        b.jwtClockSkewSeconds = jwtClockSkewSeconds;
        b.extraTokenAudiences = extraTokenAudiences;
        b.delegatedScopes = delegatedScopes;
        b.defaultPageSize = defaultPageSize;
        b.rosterDefaultPageSize = rosterDefaultPageSize;
        b.maxPageSize = maxPageSize;
        b.shortPageShare = shortPageShare;
        b.reportsMaxResults = reportsMaxResults;
        b.quotaPerMinute = quotaPerMinute;
        b.quotaRetryAfterSeconds = quotaRetryAfterSeconds;
        b.reportsQuotaStatus = reportsQuotaStatus;
        b.partialDataDays = partialDataDays;
        b.dataNotAvailableDays = dataNotAvailableDays;
        b.partialDataShare = partialDataShare;
        b.usageNoParametersShare = usageNoParametersShare;
        b.neverInteractedShare = neverInteractedShare;
        b.rejectFutureDates = rejectFutureDates;
        b.today = today;
        b.omitTimesOnNewSubmissions = omitTimesOnNewSubmissions;
        b.alwaysMillisTimestamps = alwaysMillisTimestamps;
        b.shapes = shapes;
        b.latency = latency;
        b.threads = threads;
        b.clock = clock;
        return b;
    }

    /** Fluent builder with the defaults documented on each setter's field. */
    public static final class Builder {
        private long seed = 42L;
        private DistrictSize size = DistrictSize.small();
        private String domain = "example.edu";
        private String adminEmail;
        private String customerId;
        private String projectId = "lms-sync-sim";
        private Instant dataStart = Instant.parse("2024-08-15T00:00:00Z");
        private int dataSpanDays = 120;
        private boolean varyCourseStates = true;
        private int tokenExpiresInSeconds = 3599;
        private int jwtClockSkewSeconds = 300;
        private Set<String> extraTokenAudiences = Set.of(GOOGLE_TOKEN_URI);
        private Set<String> delegatedScopes = Scopes.ALL_KNOWN;
        private int defaultPageSize = 50;
        private int rosterDefaultPageSize = 30;
        private int maxPageSize = 1000;
        private double shortPageShare;
        private int reportsMaxResults = 1000;
        private int quotaPerMinute;
        private int quotaRetryAfterSeconds;
        private int reportsQuotaStatus = 429;
        private int partialDataDays = 2;
        private int dataNotAvailableDays = 1;
        private double partialDataShare = 0.5;
        private double usageNoParametersShare = 0.05;
        private double neverInteractedShare = 0.1;
        private boolean rejectFutureDates = true;
        private LocalDate today;
        private boolean omitTimesOnNewSubmissions = true;
        private boolean alwaysMillisTimestamps = true;
        private Shapes shapes = Shapes.REAL;
        private Latency latency = Latency.NONE;
        private int threads = 32;
        private SimClock clock;

        private Builder() {
        }

        public Builder seed(long v) { seed = v; return this; }
        public Builder size(DistrictSize v) { size = v; return this; }
        public Builder domain(String v) { domain = v; return this; }
        /** Default admin@{domain}. */
        public Builder adminEmail(String v) { adminEmail = v; return this; }
        /** Default derived from the seed, e.g. C01abcdef. */
        public Builder customerId(String v) { customerId = v; return this; }
        public Builder projectId(String v) { projectId = v; return this; }
        public Builder dataStart(Instant v) { dataStart = v; return this; }
        public Builder dataSpanDays(int v) { dataSpanDays = v; return this; }
        public Builder varyCourseStates(boolean v) { varyCourseStates = v; return this; }
        public Builder tokenExpiresInSeconds(int v) { tokenExpiresInSeconds = v; return this; }
        public Builder jwtClockSkewSeconds(int v) { jwtClockSkewSeconds = v; return this; }
        public Builder extraTokenAudiences(Set<String> v) { extraTokenAudiences = Set.copyOf(v); return this; }
        /** Null accepts any scope. */
        public Builder delegatedScopes(Set<String> v) { delegatedScopes = v == null ? null : Set.copyOf(v); return this; }
        public Builder defaultPageSize(int v) { defaultPageSize = v; return this; }
        public Builder rosterDefaultPageSize(int v) { rosterDefaultPageSize = v; return this; }
        public Builder maxPageSize(int v) { maxPageSize = v; return this; }
        public Builder shortPageShare(double v) { shortPageShare = v; return this; }
        public Builder reportsMaxResults(int v) { reportsMaxResults = v; return this; }
        public Builder quotaPerMinute(int v) { quotaPerMinute = v; return this; }
        public Builder quotaRetryAfterSeconds(int v) { quotaRetryAfterSeconds = v; return this; }
        public Builder reportsQuotaStatus(int v) { reportsQuotaStatus = v; return this; }
        public Builder partialDataDays(int v) { partialDataDays = v; return this; }
        public Builder dataNotAvailableDays(int v) { dataNotAvailableDays = v; return this; }
        public Builder partialDataShare(double v) { partialDataShare = v; return this; }
        public Builder usageNoParametersShare(double v) { usageNoParametersShare = v; return this; }
        public Builder neverInteractedShare(double v) { neverInteractedShare = v; return this; }
        public Builder rejectFutureDates(boolean v) { rejectFutureDates = v; return this; }
        public Builder today(LocalDate v) { today = v; return this; }
        public Builder omitTimesOnNewSubmissions(boolean v) { omitTimesOnNewSubmissions = v; return this; }
        public Builder alwaysMillisTimestamps(boolean v) { alwaysMillisTimestamps = v; return this; }
        public Builder shapes(Shapes v) { shapes = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        /** Each reply comes {@code fixed} plus up to {@code jitter} after its request (the benchmark's API latency). */
        public Builder latency(Duration fixed, Duration jitter) { latency = Latency.of(fixed, jitter); return this; }
        public Builder clock(SimClock v) { clock = v; return this; }

        public GoogleSimConfig build() {
            if (maxPageSize < 1 || defaultPageSize < 1 || rosterDefaultPageSize < 1 || reportsMaxResults < 1) {
                throw new IllegalArgumentException("page sizes must be >= 1");
            }
            String admin = adminEmail != null ? adminEmail : "admin@" + domain;
            String customer = customerId != null ? customerId
                    : "C0" + Long.toString(Math.abs(org.lmssync.simulator.DataGen.mix(seed, 7)) % 78_364_164_096L, 36);
            return new GoogleSimConfig(seed, size, domain, admin, customer, projectId, dataStart, dataSpanDays,
                    varyCourseStates, tokenExpiresInSeconds, jwtClockSkewSeconds, extraTokenAudiences, delegatedScopes,
                    defaultPageSize, rosterDefaultPageSize, maxPageSize, shortPageShare, reportsMaxResults,
                    quotaPerMinute, quotaRetryAfterSeconds, reportsQuotaStatus, partialDataDays,
                    dataNotAvailableDays, partialDataShare, usageNoParametersShare, neverInteractedShare,
                    rejectFutureDates, today, omitTimesOnNewSubmissions, alwaysMillisTimestamps, shapes, latency, threads, clock);
        }
    }
}
