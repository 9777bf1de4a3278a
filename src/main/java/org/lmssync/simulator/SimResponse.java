package org.lmssync.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response a handler wants sent. Immutable; {@link #withHeader} returns a copy. */
public record SimResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public static final String JSON = "application/json; charset=UTF-8";
    public static final String TEXT = "text/plain; charset=UTF-8";

    public SimResponse {
        headers = copy(headers);
        body = body == null ? new byte[0] : body;
    }

    public static SimResponse json(int status, JsonNode node) {
        return new SimResponse(status, Map.of("Content-Type", List.of(JSON)), Json.bytes(node));
    }

    public static SimResponse text(int status, String text) {
        return new SimResponse(status, Map.of("Content-Type", List.of(TEXT)),
                text.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, Map.of(), new byte[0]);
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, List<String>> h = copy(headers);
        h.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return new SimResponse(status, h, body);
    }

    public SimResponse withBody(byte[] newBody) {
        return new SimResponse(status, headers, newBody);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isJson() {
        List<String> ct = headers.get("Content-Type");
        return ct != null && !ct.isEmpty() && ct.get(0).startsWith("application/json");
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        }
        return out;
    }
}
