package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.lmssync.simulator.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Canvas bookmark page values: {@code bookmark:} + unpadded base64url of a JSON array. */
final class Bookmark {
    static final String PREFIX = "bookmark:";
    static final String FIRST = "first";

    private Bookmark() {
    }

    static String encode(ArrayNode key) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(key));
    }

    /** The decoded array, or empty if the value is not a well-formed bookmark. */
    static Optional<ArrayNode> decode(String page) {
        if (page == null || !page.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(page.substring(PREFIX.length()));
            JsonNode node = Json.read(new String(raw, StandardCharsets.UTF_8));
            return node instanceof ArrayNode a && !a.isEmpty() ? Optional.of(a) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
