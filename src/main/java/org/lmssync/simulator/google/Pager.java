package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/** Slices a full, filtered list into one Google-style page. */
final class Pager {
    /**
     * How a list endpoint sizes pages.
     *
     * @param param          query parameter (pageSize or maxResults)
     * @param rejectAboveMax true: a size above max is a 400 (Reports); false: silently capped (Classroom)
     */
    record Sizing(String param, int defaultSize, int max, boolean rejectAboveMax) {
    }

    private final PageTokens tokens;
    private final double shortPageShare;
    private final Random random;

    Pager(PageTokens tokens, double shortPageShare, long seed) {
        this.tokens = tokens;
        this.shortPageShare = shortPageShare;
        this.random = new Random(seed ^ 0x5ca1ab1eL);
    }

    PageTokens tokens() {
        return tokens;
    }

    /** Where the page starts and how many records it may hold, or the 400 to send. */
    record Window(int offset, int size, String binding, SimResponse error) {
    }

    Window window(SimRequest req, Sizing sizing) {
        int size;
        Optional<String> raw = req.param(sizing.param());
        try {
            size = raw.map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return error("Invalid value for " + sizing.param() + ": " + raw.get());
        }
        if (size < 0 || (sizing.rejectAboveMax() && size > sizing.max())) {
            return error("Invalid value for " + sizing.param() + ": " + size);
        }
        if (size == 0) {
            size = sizing.defaultSize();
        }
        size = Math.min(size, sizing.max());
        String binding = tokens.binding(req);
        int offset = 0;
        Optional<String> token = req.param("pageToken").filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            try {
                offset = tokens.decode(token.get(), binding);
            } catch (PageTokens.BadToken e) {
                return error(e.getMessage());
            }
        }
        return new Window(offset, size, binding, null);
    }

    /**
     * Fills {@code envelope} with {@code listField} (omitted when empty) and nextPageToken
     * (omitted on the last page).
     */
    <T> ObjectNode page(Window w, List<T> all, String listField, Function<T, JsonNode> render,
                        ObjectNode envelope, boolean mayShorten) {
        int size = w.size();
        if (mayShorten && shortPageShare > 0 && size > 1 && draw()) {
            size = Math.max(1, size / 2);
        }
        int from = Math.min(w.offset(), all.size());
        int to = Math.min(all.size(), from + size);
        if (to > from) {
            ArrayNode arr = envelope.putArray(listField);
            for (T item : all.subList(from, to)) {
                arr.add(render.apply(item));
            }
        }
        if (to < all.size()) {
            envelope.put("nextPageToken", tokens.encode(to, w.binding()));
        }
        return envelope;
    }

    private synchronized boolean draw() {
        return random.nextDouble() < shortPageShare;
    }

    private static Window error(String message) {
        return new Window(0, 0, null, GoogleErrors.invalidArgument(message));
    }

    static ObjectNode envelope() {
        return Json.object();
    }
}
