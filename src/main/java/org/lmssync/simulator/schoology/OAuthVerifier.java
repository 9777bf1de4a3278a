package org.lmssync.simulator.schoology;

import org.lmssync.simulator.QueryString;
import org.lmssync.simulator.SimClock;
import org.lmssync.simulator.SimRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Checks two-legged OAuth 1.0a requests: consumer key, an empty token, a PLAINTEXT or HMAC-SHA1
 * signature over the request as it arrived, the timestamp window and nonce reuse.
 */
final class OAuthVerifier {
    static final String PLAINTEXT = "PLAINTEXT";
    static final String HMAC_SHA1 = "HMAC-SHA1";
    static final String REPLAY = "Duplicate timestamp/nonce combination, possible replay attack.  Request rejected.";

    private final SchoologySimConfig cfg;
    private final SimClock clock;
    private final Supplier<String> ownHost;
    /** timestamp -> nonces seen with it; entries older than the skew window are pruned. */
    private final TreeMap<Long, Set<String>> seen = new TreeMap<>();
    private long newestTimestamp = Long.MIN_VALUE;

    /** @param ownHost "127.0.0.1:PORT", used when a request carries no Host header */
    OAuthVerifier(SchoologySimConfig cfg, SimClock clock, Supplier<String> ownHost) {
        this.cfg = cfg;
        this.clock = clock;
        this.ownHost = ownHost;
    }

    /** Empty when the request is authentic and fresh; otherwise the reason it is refused. */
    Optional<String> verify(SimRequest req) {
        Optional<Map<String, String>> parsed = OAuthHeader.parse(req.header("authorization").orElse(null));
        if (parsed.isEmpty()) {
            return Optional.of("Missing or malformed OAuth Authorization header.");
        }
        Map<String, String> oauth = parsed.get();
        if (!cfg.consumerKey().equals(oauth.get("oauth_consumer_key"))) {
            return Optional.of("Invalid consumer key.");
        }
        String token = oauth.getOrDefault("oauth_token", "");
        if (!token.isEmpty()) {
            return Optional.of("Invalid access token: two-legged requests carry an empty oauth_token.");
        }
        String version = oauth.get("oauth_version");
        if (version != null && !version.equals("1.0")) {
            return Optional.of("Unsupported oauth_version.");
        }
        String method = oauth.getOrDefault("oauth_signature_method", "");
        String signature = oauth.get("oauth_signature");
        if (signature == null) {
            return Optional.of("Missing oauth_signature.");
        }
        String expected;
        if (method.equals(PLAINTEXT) && cfg.acceptPlaintext()) {
            expected = OAuth1.plaintext(cfg.consumerSecret(), "");
        } else if (method.equals(HMAC_SHA1) && cfg.acceptHmacSha1()) {
            expected = OAuth1.hmacSha1(baseString(req, oauth), cfg.consumerSecret(), "");
        } else {
            return Optional.of("Unsupported signature method: " + method);
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("Invalid OAuth signature.");
        }
        return fresh(oauth.get("oauth_timestamp"), oauth.get("oauth_nonce"));
    }

    /** The base string the client should have signed, built from this request. */
    String baseString(SimRequest req, Map<String, String> oauth) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        req.params().forEach((k, vs) -> vs.forEach(v -> params.add(Map.entry(k, v))));
        // A form body is signed too (RFC 5849 §3.4.1.3.1); GETs normally have none.
        if (req.header("content-type").orElse("").startsWith("application/x-www-form-urlencoded")) {
            QueryString.parse(req.bodyText()).forEach((k, vs) -> vs.forEach(v -> params.add(Map.entry(k, v))));
        }
        oauth.forEach((k, v) -> {
            if (!k.equals("realm") && !k.equals("oauth_signature")) {
                params.add(Map.entry(k, v));
            }
        });
        String host = req.header("host").orElseGet(ownHost);
        return OAuth1.signatureBaseString(req.method(), OAuth1.baseStringUri("http", host, req.path()), params);
    }

    private synchronized Optional<String> fresh(String timestamp, String nonce) {
        if (timestamp == null || nonce == null || nonce.isEmpty()) {
            return Optional.of("Missing oauth_timestamp or oauth_nonce.");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Optional.of("Invalid oauth_timestamp.");
        }
        long now = clock.instant().getEpochSecond();
        int skew = cfg.timestampSkewSeconds();
        if (skew >= 0 && Math.abs(now - ts) > skew) {
            return Optional.of("Timestamp is outside the allowed window; check the client clock.");
        }
        if (seen.getOrDefault(ts, Set.of()).contains(nonce)) {
            return Optional.of(REPLAY);
        }
        if (cfg.rejectTimestampRegression() && ts < newestTimestamp) {
            return Optional.of("Timestamp is older than one already used.");
        }
        seen.computeIfAbsent(ts, k -> new HashSet<>()).add(nonce);
        newestTimestamp = Math.max(newestTimestamp, ts);
        if (skew >= 0) {
            // Timestamps this old fail the window check anyway, so their nonces need not be kept.
            seen.headMap(now - skew, false).clear();
        }
        return Optional.empty();
    }
}
