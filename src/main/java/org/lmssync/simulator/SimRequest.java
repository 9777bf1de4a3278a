package org.lmssync.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incoming request as handlers see it.
 *
 * @param headers header names lower-cased, all values kept
 */
public record SimRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> params,
        Map<String, List<String>> headers,
        byte[] body,
        Instant received) {

    public Optional<String> param(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public List<String> params(String name) {
        return params.getOrDefault(name, List.of());
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Form-encoded body parsed like a query string. */
    public Map<String, List<String>> form() {
        return QueryString.parse(bodyText());
    }
}
