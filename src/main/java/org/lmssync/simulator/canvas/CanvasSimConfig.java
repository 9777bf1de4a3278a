package org.lmssync.simulator.canvas;

import org.lmssync.simulator.Shapes;
import org.lmssync.simulator.Latency;
import org.lmssync.simulator.SimClock;
import org.lmssync.simulator.SimConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Settings of a {@link CanvasSimulator}. Behaviour the reference could not confirm is configurable
 * here. Build with {@link #builder()}.
 *
 * @param accessToken            the bearer token the simulator accepts (more can be added at run time)
 * @param timeZone               the account time zone: user created_at and auth event created_at carry its
 *                               offset, and zone-less datetimes in filters are read in it
 * @param dataStart              generated timestamps lie in [dataStart, dataStart + dataSpanDays); null (the
 *                               default) ends the span at the clock's midnight when the simulator starts
 * @param varyCourseStates       courses come in every state (available, completed, created, claimed, deleted)
 * @param varyEnrollmentStates   enrollments come in every state, mostly active
 * @param deletedUserShare       share of generated users that are deleted
 * @param markDeletedUsers       deleted users (listed with include_deleted_users=true) carry
 *                               "workflow_state":"deleted"; otherwise they look like live users
 * @param listDeletedUsers       whether include_deleted_users=true lists deleted users at all (Canvas's
 *                               behaviour is unconfirmed: listed, or simply left out); without the flag
 *                               they are never listed
 * @param readSis                the token may read SIS data: users carry sis_user_id, integration_id and
 *                               sis_import_id; without it those keys are omitted (not null), as Canvas does
 * @param viewLoginIds           the token may view login ids: users carry login_id; omitted otherwise
 * @param shapes                 REAL (default): the forms of captured responses (points_possible an integer
 *                               when whole, nullable is_public/license/excused/description, lock_info,
 *                               attachments, unposted grades); DOCUMENTED: the documented examples' forms
 * @param accountsIncludeSubAccounts GET /accounts lists sub-accounts too, so a client walking every account
 *                               sees sub-account courses twice (once under the root)
 * @param defaultPerPage         per_page when absent
 * @param maxPerPage             per_page is clamped to [1, max] silently
 * @param linkHeaderMaxBytes     total size of the link URLs, added in priority order until one does not fit
 * @param numericLastLink        numeric collections carry rel="last"
 * @param sinceInclusive         submitted_since/graded_since keep equal timestamps (Canvas's SQL is strict '>')
 * @param authEventRetentionDays auth events older than this (from the clock's now) are not returned; 0 keeps all
 * @param latency                every request is answered after this delay (fixed plus jitter; default none),
 *                               spent on a server worker thread while the request holds its up-front reserve
 *                               in the bucket: keep {@code threads} above the requests in flight
 * @param clock                  null means {@link SimClock#system()}; data changes are stamped from it
 * @param threads                server worker threads; parallel requests beyond this queue instead of
 *                               holding the up-front reserve
 */
public record CanvasSimConfig(
        long seed,
        CanvasDistrictSize size,
        String accessToken,
        String domain,
        String rootAccountName,
        ZoneId timeZone,
        Instant dataStart,
        int dataSpanDays,
        boolean varyCourseStates,
        boolean varyEnrollmentStates,
        double deletedUserShare,
        boolean markDeletedUsers,
        boolean listDeletedUsers,
        boolean readSis,
        boolean viewLoginIds,
        Shapes shapes,
        boolean accountsIncludeSubAccounts,
        int defaultPerPage,
        int maxPerPage,
        int linkHeaderMaxBytes,
        boolean numericLastLink,
        boolean sinceInclusive,
        int authEventRetentionDays,
        ThrottleSettings throttle,
        Latency latency,
        int threads,
        SimClock clock) implements SimConfig {

    public static CanvasSimConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.size = size;
        b.accessToken = accessToken;
        b.domain = domain;
        b.rootAccountName = rootAccountName;
        b.timeZone = timeZone;
        b.dataStart = dataStart;
        b.dataSpanDays = dataSpanDays;
        b.varyCourseStates = varyCourseStates;
        b.varyEnrollmentStates = varyEnrollmentStates;
        b.deletedUserShare = deletedUserShare;
        b.markDeletedUsers = markDeletedUsers;
        b.listDeletedUsers = listDeletedUsers;
        b.readSis = readSis;
        b.viewLoginIds = viewLoginIds;
        b.shapes = shapes;
        b.accountsIncludeSubAccounts = accountsIncludeSubAccounts;
        b.defaultPerPage = defaultPerPage;
        b.maxPerPage = maxPerPage;
        b.linkHeaderMaxBytes = linkHeaderMaxBytes;
        b.numericLastLink = numericLastLink;
        b.sinceInclusive = sinceInclusive;
        b.authEventRetentionDays = authEventRetentionDays;
        b.throttle = throttle;
        b.latency = latency;
        b.threads = threads;
        b.clock = clock;
        return b;
    }

    /** Fluent builder; defaults follow Canvas where it is known. */
    public static final class Builder {
        private long seed = 42L;
        private CanvasDistrictSize size = CanvasDistrictSize.small();
        private String accessToken = "canvas-sim-token";
        private String domain = "example.edu";
        private String rootAccountName = "Simulated School District";
        private ZoneId timeZone = ZoneId.of("America/Chicago");
        private Instant dataStart;
        private int dataSpanDays = 120;
        private boolean varyCourseStates = true;
        private boolean varyEnrollmentStates = true;
        private double deletedUserShare = 0.03;
        private boolean markDeletedUsers = true;
        private boolean listDeletedUsers = true;
        private boolean readSis = true;
        private boolean viewLoginIds = true;
        private Shapes shapes = Shapes.REAL;
        private boolean accountsIncludeSubAccounts = true;
        private int defaultPerPage = 10;
        private int maxPerPage = 100;
        private int linkHeaderMaxBytes = 6 * 1024;
        private boolean numericLastLink = true;
        private boolean sinceInclusive;
        private int authEventRetentionDays = 365;
        private ThrottleSettings throttle = ThrottleSettings.canvasDefaults();
        private Latency latency = Latency.NONE;
        private int threads = 32;
        private SimClock clock;

        private Builder() {
        }

        public Builder seed(long v) { seed = v; return this; }
        public Builder size(CanvasDistrictSize v) { size = v; return this; }
        public Builder accessToken(String v) { accessToken = v; return this; }
        public Builder domain(String v) { domain = v; return this; }
        public Builder rootAccountName(String v) { rootAccountName = v; return this; }
        public Builder timeZone(ZoneId v) { timeZone = v; return this; }
        public Builder dataStart(Instant v) { dataStart = v; return this; }
        public Builder dataSpanDays(int v) { dataSpanDays = v; return this; }
        public Builder varyCourseStates(boolean v) { varyCourseStates = v; return this; }
        public Builder varyEnrollmentStates(boolean v) { varyEnrollmentStates = v; return this; }
        public Builder deletedUserShare(double v) { deletedUserShare = v; return this; }
        public Builder markDeletedUsers(boolean v) { markDeletedUsers = v; return this; }
        public Builder listDeletedUsers(boolean v) { listDeletedUsers = v; return this; }
        public Builder readSis(boolean v) { readSis = v; return this; }
        public Builder viewLoginIds(boolean v) { viewLoginIds = v; return this; }
        public Builder shapes(Shapes v) { shapes = v; return this; }
        public Builder accountsIncludeSubAccounts(boolean v) { accountsIncludeSubAccounts = v; return this; }
        public Builder defaultPerPage(int v) { defaultPerPage = v; return this; }
        public Builder maxPerPage(int v) { maxPerPage = v; return this; }
        public Builder linkHeaderMaxBytes(int v) { linkHeaderMaxBytes = v; return this; }
        public Builder numericLastLink(boolean v) { numericLastLink = v; return this; }
        public Builder sinceInclusive(boolean v) { sinceInclusive = v; return this; }
        public Builder authEventRetentionDays(int v) { authEventRetentionDays = v; return this; }
        public Builder throttle(ThrottleSettings v) { throttle = v; return this; }
        /** Shorthand for {@code throttle(throttle.withEnabled(v))}. */
        public Builder throttling(boolean v) { throttle = throttle.withEnabled(v); return this; }
        public Builder threads(int v) { threads = v; return this; }
        /** Each reply comes {@code fixed} plus up to {@code jitter} after its request (the benchmark's API latency). */
        public Builder latency(Duration fixed, Duration jitter) { latency = Latency.of(fixed, jitter); return this; }
        public Builder clock(SimClock v) { clock = v; return this; }

        public CanvasSimConfig build() {
            if (defaultPerPage < 1 || maxPerPage < 1) {
                throw new IllegalArgumentException("page sizes must be >= 1");
            }
            if (accessToken == null || accessToken.isBlank()) {
                throw new IllegalArgumentException("accessToken must not be blank");
            }
            if (deletedUserShare < 0 || deletedUserShare > 1) {
                throw new IllegalArgumentException("deletedUserShare must be within [0,1]");
            }
            return new CanvasSimConfig(seed, size, accessToken, domain, rootAccountName, timeZone, dataStart,
                    dataSpanDays, varyCourseStates, varyEnrollmentStates, deletedUserShare, markDeletedUsers,
                    listDeletedUsers, readSis, viewLoginIds, shapes, accountsIncludeSubAccounts, defaultPerPage, maxPerPage, linkHeaderMaxBytes, numericLastLink,
                    sinceInclusive, authEventRetentionDays, throttle, latency, threads, clock);
        }
    }
}
