package org.lmssync.simulator.canvas;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the Link header the way Canvas's Api.build_links_hash does: the request's other query
 * parameters serialised like Rails' Hash#to_query (escaped with CGI.escape, one segment per key,
 * segments sorted), then {@code page=X&per_page=N}; links are admitted in priority order until the
 * next one would push their total size over the cap, and printed in the fixed rel order.
 */
final class LinkHeader {
    /** Print order. */
    static final List<String> RELS = List.of("current", "next", "prev", "first", "last");
    /** Admission order under the size cap. */
    static final List<String> PRIORITY = List.of("next", "last", "prev", "current", "first");
    private static final Set<String> EXCLUDED = Set.of("page", "per_page", "access_token", "api_key");

    private LinkHeader() {
    }

    /**
     * @param url     absolute URL of the listing without a query
     * @param params  the request's query parameters, names as sent (e.g. {@code state[]})
     * @param pages   rel -> page value; absent rels are left out
     * @param maxSize cap on the summed length of the link URLs
     * @return the header value, or null when no link fits
     */
    static String build(String url, Map<String, List<String>> params, Map<String, String> pages, int perPage,
                        int maxSize) {
        String query = toQuery(params);
        String base = url + "?" + (query.isEmpty() ? "" : query + "&");
        Map<String, String> admitted = new LinkedHashMap<>();
        int size = 0;
        for (String rel : PRIORITY) {
            String page = pages.get(rel);
            if (page == null) {
                continue;
            }
            String link = base + "page=" + page + "&per_page=" + perPage;
            if (size + link.length() > maxSize) {
                break;
            }
            size += link.length();
            admitted.put(rel, link);
        }
        List<String> out = new ArrayList<>();
        for (String rel : RELS) {
            String link = admitted.get(rel);
            if (link != null) {
                out.add("<" + link + ">; rel=\"" + rel + "\"");
            }
        }
        return out.isEmpty() ? null : String.join(",", out);
    }

    /**
     * Rails' to_query over the request's parameters minus the pagination and credential ones. A
     * {@code name[]} parameter keeps every value in order; any other keeps its last value.
     */
    static String toQuery(Map<String, List<String>> params) {
        List<String> segments = new ArrayList<>();
        params.forEach((name, values) -> {
            if (EXCLUDED.contains(name) || values.isEmpty()) {
                return;
            }
            String key = cgiEscape(name);
            if (name.endsWith("[]")) {
                List<String> parts = new ArrayList<>();
                for (String v : values) {
                    parts.add(key + "=" + cgiEscape(v));
                }
                segments.add(String.join("&", parts));
            } else {
                segments.add(key + "=" + cgiEscape(values.get(values.size() - 1)));
            }
        });
        segments.sort(null);
        return String.join("&", segments);
    }

    /** Ruby's CGI.escape: keeps A-Z a-z 0-9 _ . - ~, turns space into '+', percent-encodes the rest. */
    static String cgiEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
