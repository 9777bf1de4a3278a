package org.lmssync.simulator.schoology;

import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.time.Duration;
import java.util.Optional;

/** Authenticates a request, then charges the consumer's token bucket. */
final class ApiGate {
    private final OAuthVerifier oauth;
    private final TokenBucket bucket;
    private final SchoologySimConfig cfg;

    ApiGate(OAuthVerifier oauth, TokenBucket bucket, SchoologySimConfig cfg) {
        this.oauth = oauth;
        this.bucket = bucket;
        this.cfg = cfg;
    }

    /** Null when the request may proceed; otherwise the 401 or 429 to send. */
    SimResponse admit(SimRequest req) {
        Optional<String> refused = oauth.verify(req);
        if (refused.isPresent()) {
            return SchoologyErrors.unauthorized(refused.get());
        }
        Duration wait = bucket.tryAcquire();
        if (!wait.isZero()) {
            return SchoologyErrors.throttled(wait, cfg.retryAfter(), cfg.throttleBody());
        }
        return null;
    }
}
