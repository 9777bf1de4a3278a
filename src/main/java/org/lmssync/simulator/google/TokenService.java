package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.SimClock;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The OAuth token endpoint for the JWT-bearer grant, and the bearer-token registry the API
 * handlers consult.
 */
final class TokenService {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final int MAX_LIFETIME_SECONDS = 3600;

    /** An issued access token. */
    record IssuedToken(String value, Set<String> scopes, Instant expiresAt) {
    }

    private final ServiceAccount account;
    private final GoogleSimConfig config;
    private final SimClock clock;
    private final Supplier<String> tokenUri;
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    TokenService(ServiceAccount account, GoogleSimConfig config, SimClock clock, Supplier<String> tokenUri) {
        this.account = account;
        this.config = config;
        this.clock = clock;
        this.tokenUri = tokenUri;
    }

    SimResponse handle(SimRequest req) {
        if (!"POST".equals(req.method())) {
            return GoogleErrors.oauth(405, "invalid_request", "Token requests must use POST.");
        }
        Map<String, List<String>> form = req.form();
        String grant = first(form, "grant_type");
        if (!JWT_BEARER.equals(grant)) {
            return GoogleErrors.oauth(400, "unsupported_grant_type", "Invalid grant_type: " + grant);
        }
        String assertion = first(form, "assertion");
        if (assertion == null || assertion.isEmpty()) {
            return GoogleErrors.oauth(400, "invalid_request", "Missing required parameter: assertion");
        }
        JsonNode claims;
        try {
            claims = verify(assertion);
        } catch (InvalidGrant e) {
            return GoogleErrors.oauth(400, "invalid_grant", e.getMessage());
        }
        long iat = claims.path("iat").asLong(-1);
        long exp = claims.path("exp").asLong(-1);
        long now = clock.instant().getEpochSecond();
        if (iat < 0 || exp <= iat || exp - iat > MAX_LIFETIME_SECONDS || exp <= now
                || iat > now + config.jwtClockSkewSeconds()) {
            return GoogleErrors.oauth(400, "invalid_grant", "Invalid JWT: Token must be a short-lived token "
                    + "(60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
        }
        String scope = claims.path("scope").asText("").trim();
        if (scope.isEmpty()) {
            return GoogleErrors.oauth(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.split("\\s+")));
        String sub = claims.path("sub").asText(null);
        if (!config.adminEmail().equalsIgnoreCase(String.valueOf(sub))
                || (config.delegatedScopes() != null && !config.delegatedScopes().containsAll(scopes))) {
            return GoogleErrors.oauth(401, "unauthorized_client", "Client is unauthorized to retrieve access "
                    + "tokens using this method, or client not authorized for any of the scopes requested.");
        }
        byte[] raw = new byte[48];
        random.nextBytes(raw);
        String value = "ya29.sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        int lifetime = config.tokenExpiresInSeconds();
        tokens.put(value, new IssuedToken(value, Set.copyOf(scopes), clock.instant().plusSeconds(lifetime)));
        return SimResponse.json(200, Json.object()
                        .put("access_token", value)
                        .put("expires_in", lifetime)
                        .put("token_type", "Bearer"))
                .withHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

    /** The valid token named by the request's bearer header, if any. */
    Optional<IssuedToken> bearer(SimRequest req) {
        Optional<String> auth = req.header("Authorization");
        if (auth.isEmpty() || !auth.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        IssuedToken t = tokens.get(auth.get().substring(7).trim());
        if (t == null || !clock.instant().isBefore(t.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    /** Makes every issued token expired, as if a long run outlived them. */
    void expireAll() {
        Instant past = clock.instant().minusSeconds(1);
        tokens.replaceAll((k, t) -> new IssuedToken(t.value(), t.scopes(), past));
    }

    long activeCount() {
        Instant now = clock.instant();
        return tokens.values().stream().filter(t -> now.isBefore(t.expiresAt())).count();
    }

    long issuedCount() {
        return tokens.size();
    }

    private JsonNode verify(String jwt) throws InvalidGrant {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidGrant("Invalid JWT: not three segments.");
        }
        JsonNode header;
        JsonNode claims;
        byte[] sig;
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            header = Json.read(d.decode(parts[0]));
            claims = Json.read(d.decode(parts[1]));
            sig = d.decode(parts[2]);
        } catch (RuntimeException e) {
            throw new InvalidGrant("Invalid JWT: cannot decode segments.");
        }
        if (!"RS256".equals(header.path("alg").asText())) {
            throw new InvalidGrant("Invalid JWT: alg must be RS256.");
        }
        String kid = header.path("kid").asText(null);
        if (kid != null && !kid.equals(account.privateKeyId())) {
            throw new InvalidGrant("Invalid JWT Signature.");
        }
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(account.publicKey());
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(sig)) {
                throw new InvalidGrant("Invalid JWT Signature.");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidGrant("Invalid JWT Signature.");
        }
        if (!account.email().equals(claims.path("iss").asText())) {
            throw new InvalidGrant("Invalid JWT: unknown issuer.");
        }
        String aud = claims.path("aud").asText();
        if (!tokenUri.get().equals(aud) && !config.extraTokenAudiences().contains(aud)) {
            throw new InvalidGrant("Invalid JWT: aud must be " + tokenUri.get() + ".");
        }
        return claims;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static final class InvalidGrant extends Exception {
        InvalidGrant(String message) {
            super(message, null, false, false);
        }
    }
}
