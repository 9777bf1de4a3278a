package org.lmssync.simulator.google;

import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;
import org.lmssync.simulator.SlidingWindowLimiter;

import java.util.Optional;
import java.util.Set;

/** Checks a request's bearer token, its scopes, then the per-minute quota. */
final class ApiGate {
    private final TokenService tokens;
    private final SlidingWindowLimiter quota;
    private final GoogleSimConfig cfg;

    /** The caller's token, or the error to answer with. */
    record Access(TokenService.IssuedToken token, SimResponse error) {
        boolean denied() {
            return error != null;
        }

        boolean hasScope(String scope) {
            return token != null && token.scopes().contains(scope);
        }
    }

    ApiGate(TokenService tokens, SlidingWindowLimiter quota, GoogleSimConfig cfg) {
        this.tokens = tokens;
        this.quota = quota;
        this.cfg = cfg;
    }

    Access admit(SimRequest req, Set<String> anyOf, boolean reports) {
        Optional<TokenService.IssuedToken> token = tokens.bearer(req);
        if (token.isEmpty()) {
            return new Access(null, GoogleErrors.unauthenticated());
        }
        if (token.get().scopes().stream().noneMatch(anyOf::contains)) {
            return new Access(token.get(), GoogleErrors.insufficientScopes());
        }
        if (!quota.tryAcquire()) {
            return new Access(token.get(), overQuota(reports));
        }
        return new Access(token.get(), null);
    }

    private SimResponse overQuota(boolean reports) {
        int status = reports ? cfg.reportsQuotaStatus() : 429;
        String service = reports ? "admin.googleapis.com" : "classroom.googleapis.com";
        String message = "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service '"
                + service + "' for consumer 'project_number:" + cfg.projectId() + "'.";
        SimResponse r = reports
                ? GoogleErrors.apiWithReason(status, GoogleErrors.statusName(status), message, "usageLimits",
                        status == 403 ? "rateLimitExceeded" : "quotaExceeded")
                : GoogleErrors.api(status, "RESOURCE_EXHAUSTED", message);
        if (cfg.quotaRetryAfterSeconds() > 0) {
            r = r.withHeader("Retry-After", String.valueOf(cfg.quotaRetryAfterSeconds()));
        }
        return r;
    }
}
