package org.lmssync.engine.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small, allocation-light helpers for building request URLs. */
public final class Urls {
    private Urls() {
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sets {@code name=value} in the URL's query, replacing every existing occurrence of the name.
     * The name is matched in both its plain and percent-encoded spelling.
     */
    public static String withParam(String url, String name, String value) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        StringBuilder out = new StringBuilder(base);
        char sep = '?';
        if (q >= 0) {
            String encodedName = encode(name);
            for (String pair : url.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.equals(name) || key.equals(encodedName)) {
                    continue;
                }
                out.append(sep).append(pair);
                sep = '&';
            }
        }
        return out.append(sep).append(encode(name)).append('=').append(encode(value)).toString();
    }

    /** The URL without its query, for log lines and error rows. */
    public static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
