package org.lmssync.simulator.schoology;

import org.lmssync.simulator.Shapes;
import org.lmssync.simulator.Latency;
import org.lmssync.simulator.SimClock;
import org.lmssync.simulator.SimConfig;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Settings of a {@link SchoologySimulator}. Everything the reference marks unconfirmed is a
 * setting here. Build with {@link #builder()}.
 *
 * @param today                    the date that decides which grading periods are past; null means the
 *                                 clock's date at start
 * @param schoolYearStart          first day of the current full-year grading period; null means the most
 *                                 recent 15 August on or before {@code today}
 * @param defaultLimit             page size when {@code limit} is absent or not a positive number
 * @param maxLimit                 larger {@code limit} values are silently clamped to this
 * @param idTypes                  string or number ids
 * @param totalTypes               string or number {@code total} values
 * @param shapes                   REAL (default): fields as captured real responses have them (grading
 *                                 period {@code active} a number 0/1, assignments with last_updated,
 *                                 web_url, assignment_type, folder_id, display_weight, users without
 *                                 building_id, sections with parent_id and the full options);
 *                                 DOCUMENTED: as the developer documentation's examples
 * @param escapeSlashes            write "/" as "\/" in JSON, as Schoology (PHP) does
 * @param timestampSkewSeconds     oauth_timestamp may differ from the clock by this much; negative turns
 *                                 the check off
 * @param rejectTimestampRegression 401 when a timestamp is older than one already accepted. Schoology
 *                                 says timestamps must not go backwards, but concurrent clients sign
 *                                 out of order within a second, so it is off by default
 * @param acceptPlaintext          PLAINTEXT signatures (Schoology's documented form)
 * @param acceptHmacSha1           HMAC-SHA1 signatures (what OAuth libraries send)
 * @param rateLimitRequests        token refill: this many requests per {@code rateLimitWindow}; 0 turns
 *                                 throttling off
 * @param rateLimitBurst           bucket capacity
 * @param retryAfter               send Retry-After (whole seconds until a token is free) on 429
 * @param throttleBody             text body of a 429; empty sends none
 * @param pastSectionShare         share of generated sections that belong to last year's grading period only
 * @param threads                server worker threads (32: well above the requests a client keeps in flight)
 * @param latency                every request is answered after this delay (fixed plus jitter; default none),
 *                               spent on a server worker thread: keep {@code threads} above the requests in flight
 * @param clock                    null means {@link SimClock#system()}
 */
public record SchoologySimConfig(
        long seed,
        SchoologyDistrictSize size,
        String consumerKey,
        String consumerSecret,
        long schoolId,
        LocalDate today,
        LocalDate schoolYearStart,
        int defaultLimit,
        int maxLimit,
        TypeMix idTypes,
        TypeMix totalTypes,
        Shapes shapes,
        boolean escapeSlashes,
        int timestampSkewSeconds,
        boolean rejectTimestampRegression,
        boolean acceptPlaintext,
        boolean acceptHmacSha1,
        int rateLimitRequests,
        Duration rateLimitWindow,
        int rateLimitBurst,
        boolean retryAfter,
        String throttleBody,
        double pastSectionShare,
        Latency latency,
        int threads,
        SimClock clock) implements SimConfig {

    public static SchoologySimConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.size = size;
        b.consumerKey = consumerKey;
        b.consumerSecret = consumerSecret;
        b.schoolId = schoolId;
        b.today = today;
        b.schoolYearStart = schoolYearStart;
        b.defaultLimit = defaultLimit;
        b.maxLimit = maxLimit;
        b.idTypes = idTypes;
        b.totalTypes = totalTypes;
        b.shapes = shapes;
        b.escapeSlashes = escapeSlashes;
        b.timestampSkewSeconds = timestampSkewSeconds;
        b.rejectTimestampRegression = rejectTimestampRegression;
        b.acceptPlaintext = acceptPlaintext;
        b.acceptHmacSha1 = acceptHmacSha1;
        b.rateLimitRequests = rateLimitRequests;
        b.rateLimitWindow = rateLimitWindow;
        b.rateLimitBurst = rateLimitBurst;
        b.retryAfter = retryAfter;
        b.throttleBody = throttleBody;
        b.pastSectionShare = pastSectionShare;
        b.latency = latency;
        b.threads = threads;
        b.clock = clock;
        return b;
    }

    /** Fluent builder; defaults follow the reference, with its unconfirmed numbers. */
    public static final class Builder {
        private long seed = 42L;
        private SchoologyDistrictSize size = SchoologyDistrictSize.small();
        private String consumerKey;
        private String consumerSecret;
        private long schoolId = 2_908_500_117L; // real school ids are about 2.9*10^9
        private LocalDate today;
        private LocalDate schoolYearStart;
        private int defaultLimit = 20;
        private int maxLimit = 200;
        private TypeMix idTypes = TypeMix.DOCUMENTED;
        private TypeMix totalTypes = TypeMix.DOCUMENTED;
        private Shapes shapes = Shapes.REAL;
        private boolean escapeSlashes = true;
        private int timestampSkewSeconds = 300;
        private boolean rejectTimestampRegression;
        private boolean acceptPlaintext = true;
        private boolean acceptHmacSha1 = true;
        private int rateLimitRequests = 50;
        private Duration rateLimitWindow = Duration.ofSeconds(5);
        private int rateLimitBurst = 50;
        private boolean retryAfter = true;
        private String throttleBody = "";
        private double pastSectionShare = 0.1;
        private Latency latency = Latency.NONE;
        private int threads = 32;
        private SimClock clock;

        private Builder() {
        }

        public Builder seed(long v) { seed = v; return this; }
        public Builder size(SchoologyDistrictSize v) { size = v; return this; }
        /** Default derived from the seed. */
        public Builder consumerKey(String v) { consumerKey = v; return this; }
        /** Default derived from the seed. */
        public Builder consumerSecret(String v) { consumerSecret = v; return this; }
        public Builder schoolId(long v) { schoolId = v; return this; }
        public Builder today(LocalDate v) { today = v; return this; }
        public Builder schoolYearStart(LocalDate v) { schoolYearStart = v; return this; }
        public Builder defaultLimit(int v) { defaultLimit = v; return this; }
        public Builder maxLimit(int v) { maxLimit = v; return this; }
        public Builder idTypes(TypeMix v) { idTypes = v; return this; }
        public Builder totalTypes(TypeMix v) { totalTypes = v; return this; }
        public Builder shapes(Shapes v) { shapes = v; return this; }
        public Builder escapeSlashes(boolean v) { escapeSlashes = v; return this; }
        public Builder timestampSkewSeconds(int v) { timestampSkewSeconds = v; return this; }
        public Builder rejectTimestampRegression(boolean v) { rejectTimestampRegression = v; return this; }
        public Builder acceptPlaintext(boolean v) { acceptPlaintext = v; return this; }
        public Builder acceptHmacSha1(boolean v) { acceptHmacSha1 = v; return this; }
        public Builder rateLimitRequests(int v) { rateLimitRequests = v; return this; }
        public Builder rateLimitWindow(Duration v) { rateLimitWindow = v; return this; }
        public Builder rateLimitBurst(int v) { rateLimitBurst = v; return this; }
        /** Shorthand: {@code requests} per {@code window}, bucket holding {@code requests}. */
        public Builder rateLimit(int requests, Duration window) {
            rateLimitRequests = requests;
            rateLimitWindow = window;
            rateLimitBurst = requests;
            return this;
        }
        /** Turns throttling off. */
        public Builder noRateLimit() { rateLimitRequests = 0; return this; }
        public Builder retryAfter(boolean v) { retryAfter = v; return this; }
        public Builder throttleBody(String v) { throttleBody = v == null ? "" : v; return this; }
        public Builder pastSectionShare(double v) { pastSectionShare = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        /** Each reply comes {@code fixed} plus up to {@code jitter} after its request (the benchmark's API latency). */
        public Builder latency(Duration fixed, Duration jitter) { latency = Latency.of(fixed, jitter); return this; }
        public Builder clock(SimClock v) { clock = v; return this; }

        public SchoologySimConfig build() {
            if (defaultLimit < 1 || maxLimit < 1) {
                throw new IllegalArgumentException("limits must be >= 1");
            }
            if (rateLimitRequests < 0 || (rateLimitRequests > 0 && (rateLimitBurst < 1
                    || rateLimitWindow == null || rateLimitWindow.isNegative() || rateLimitWindow.isZero()))) {
                throw new IllegalArgumentException("rate limit needs burst >= 1 and a positive window");
            }
            if (pastSectionShare < 0 || pastSectionShare > 1) {
                throw new IllegalArgumentException("pastSectionShare must be within [0,1]");
            }
            long h = org.lmssync.simulator.DataGen.mix(seed, 900);
            String key = consumerKey != null ? consumerKey : Long.toHexString(h) + Long.toHexString(h >>> 7);
            String secret = consumerSecret != null ? consumerSecret
                    : Long.toHexString(org.lmssync.simulator.DataGen.mix(seed, 901));
            return new SchoologySimConfig(seed, size, key, secret, schoolId, today, schoolYearStart, defaultLimit,
                    maxLimit, idTypes, totalTypes, shapes, escapeSlashes, timestampSkewSeconds, rejectTimestampRegression,
                    acceptPlaintext, acceptHmacSha1, rateLimitRequests, rateLimitWindow, rateLimitBurst, retryAfter,
                    throttleBody, pastSectionShare, latency, threads, clock);
        }
    }
}
