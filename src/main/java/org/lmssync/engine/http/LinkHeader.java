package org.lmssync.engine.http;

/** RFC 8288 {@code Link} header: finds the target of a relation, treating URLs as opaque. */
public final class LinkHeader {
    private LinkHeader() {
    }

    /** The URL of {@code rel} in the header, or null. Handles several rels per link and any order. */
    public static String find(String header, String rel) {
        if (header == null) {
            return null;
        }
        int i = 0;
        int n = header.length();
        while (i < n) {
            int open = header.indexOf('<', i);
            if (open < 0) {
                return null;
            }
            int close = header.indexOf('>', open);
            if (close < 0) {
                return null;
            }
            String target = header.substring(open + 1, close).trim();
            // Parameters run to the next comma outside quotes.
            int j = close + 1;
            boolean quoted = false;
            StringBuilder params = new StringBuilder();
            while (j < n) {
                char c = header.charAt(j);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    break;
                }
                params.append(c);
                j++;
            }
            if (hasRel(params.toString(), rel)) {
                return target;
            }
            i = j + 1;
        }
        return null;
    }

    private static boolean hasRel(String params, String rel) {
        for (String param : params.split(";")) {
            String p = param.trim();
            int eq = p.indexOf('=');
            if (eq < 0 || !p.substring(0, eq).trim().equalsIgnoreCase("rel")) {
                continue;
            }
            String value = p.substring(eq + 1).trim();
            if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                value = value.substring(1, value.length() - 1);
            }
            if (hasToken(value, rel)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the space-separated relation types include {@code rel} (no regex: this runs on every page). */
    private static boolean hasToken(String types, String rel) {
        int i = 0;
        int n = types.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(types.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(types.charAt(i))) {
                i++;
            }
            if (i - start == rel.length() && types.regionMatches(true, start, rel, 0, rel.length())) {
                return true;
            }
        }
        return false;
    }
}
