package org.lmssync.simulator.google;

import org.lmssync.simulator.SimRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Opaque page tokens: an offset bound to the request that produced it (path and every filter
 * parameter) and to a generation counter tests can bump to make all tokens stale.
 */
final class PageTokens {
    /** Parameters that may change between pages without invalidating a token. */
    private static final Set<String> UNBOUND = Set.of(
            "pageToken", "pageSize", "maxResults",
            // Google's standard system parameters; client libraries add some of them.
            "alt", "fields", "key", "prettyPrint", "quotaUser", "access_token", "callback",
            "upload_protocol", "uploadType", "$.xgafv", "oauth_token", "userIp");

    private final String secret;
    private volatile int generation;

    PageTokens(long seed) {
        this.secret = Long.toHexString(seed * 0x9e3779b97f4a7c15L) + "-page-tokens";
    }

    /** Why a token was refused. */
    static final class BadToken extends Exception {
        BadToken(String message) {
            super(message, null, false, false);
        }
    }

    /** A digest of the request's path and filters. */
    String binding(SimRequest req) {
        Map<String, List<String>> bound = new TreeMap<>();
        req.params().forEach((k, v) -> {
            if (!UNBOUND.contains(k)) {
                bound.put(k, v);
            }
        });
        return sha256(req.path() + "?" + bound).substring(0, 16);
    }

    String encode(int offset, String binding) {
        String payload = offset + "." + binding + "." + generation;
        String token = payload + "." + sha256(secret + payload).substring(0, 12);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.US_ASCII));
    }

    int decode(String token, String binding) throws BadToken {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split("\\.");
        } catch (IllegalArgumentException e) {
            throw new BadToken("Invalid page token.");
        }
        if (parts.length != 4) {
            throw new BadToken("Invalid page token.");
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!sha256(secret + payload).substring(0, 12).equals(parts[3])) {
            throw new BadToken("Invalid page token.");
        }
        if (!parts[2].equals(String.valueOf(generation))) {
            throw new BadToken("The page token has expired.");
        }
        if (!parts[1].equals(binding)) {
            throw new BadToken("The page token does not match the request; "
                    + "a list request must be otherwise identical to the one that produced its token.");
        }
        try {
            return Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new BadToken("Invalid page token.");
        }
    }

    void expireAll() {
        generation++;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
