package org.lmssync.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks for known secrets in text. Each secret is also looked for with everything but letters and
 * digits removed on both sides, so a secret that was JSON-escaped ({@code \/}), URL-encoded
 * ({@code %2B}) or wrapped across lines is still found.
 */
final class SecretScan {
    /** A secret and what it is, for the failure message (never the value itself). */
    record Secret(String label, String value) {
        Secret {
            if (value.length() < 16) {
                throw new IllegalArgumentException(label + ": too short to scan for without false hits");
            }
        }

        String squeezed() {
            return squeeze(value);
        }
    }

    private final List<Secret> secrets = new ArrayList<>();

    void add(String label, String value) {
        secrets.add(new Secret(label, value));
    }

    /** The base64 lines of a PEM (64 characters each; a short last line is skipped), as separate secrets. */
    void addPem(String label, String pem) {
        int n = 0;
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() >= 16) {
                add(label + " line " + (++n), line);
            }
        }
    }

    int size() {
        return secrets.size();
    }

    /** Which secrets {@code text} holds, as "label in place". */
    List<String> hits(String place, String text) {
        List<String> hits = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return hits;
        }
        String squeezed = squeeze(text);
        for (Secret s : secrets) {
            if (text.contains(s.value()) || squeezed.contains(s.squeezed())) {
                hits.add(s.label() + " in " + place);
            }
        }
        return hits;
    }

    private static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length());
        // case folded, and the URL escapes of base64's + / = dropped like the characters themselves
        String decoded = s.toUpperCase(Locale.ROOT).replace("%2B", "").replace("%2F", "").replace("%3D", "");
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
