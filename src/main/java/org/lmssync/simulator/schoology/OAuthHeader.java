package org.lmssync.simulator.schoology;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parses {@code Authorization: OAuth k="v", ...} (RFC 5849 §3.5.1) into decoded parameters. */
final class OAuthHeader {
    private OAuthHeader() {
    }

    /** Empty when the header is not an OAuth header or a parameter is malformed or repeated. */
    static Optional<Map<String, String>> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.trim();
        if (h.length() < 6 || !h.substring(0, 6).toLowerCase(Locale.ROOT).equals("oauth ")) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = 6;
        int n = h.length();
        while (i < n) {
            while (i < n && (h.charAt(i) == ' ' || h.charAt(i) == ',' || h.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = h.indexOf('=', i);
            if (eq < 0) {
                return Optional.empty();
            }
            String name = h.substring(i, eq).trim();
            i = eq + 1;
            String value;
            if (i < n && h.charAt(i) == '"') {
                int close = h.indexOf('"', i + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                value = h.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = h.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                value = h.substring(i, end).trim();
                i = end;
            }
            if (out.putIfAbsent(OAuth1.decode(name), OAuth1.decode(value)) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}
