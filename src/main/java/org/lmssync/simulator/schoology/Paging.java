package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.SimRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Schoology's start/limit paging and its envelope: items, total, links.self and links.next. */
final class Paging {
    /** How an endpoint writes {@code total}, as documented for it. */
    enum Total { STRING, NUMBER, NONE }

    /** Offset and page size after defaults and clamping. */
    record Window(int start, int limit) {
    }

    private final SchoologySimConfig cfg;
    private final Supplier<String> serverBase;

    /** @param serverBase "http://127.0.0.1:PORT"; links are absolute */
    Paging(SchoologySimConfig cfg, Supplier<String> serverBase) {
        this.cfg = cfg;
        this.serverBase = serverBase;
    }

    /** A bad or negative start reads as 0; a missing or bad limit as the default; a big one is clamped. */
    Window window(SimRequest req) {
        int start = Math.max(0, parse(req.param("start").orElse(null), 0));
        int limit = parse(req.param("limit").orElse(null), cfg.defaultLimit());
        if (limit < 1) {
            limit = cfg.defaultLimit();
        }
        return new Window(start, Math.min(limit, cfg.maxLimit()));
    }

    <T> ObjectNode page(SimRequest req, String key, List<T> all, Function<T, JsonNode> render, Total total) {
        Window w = window(req);
        ObjectNode env = Json.object();
        ArrayNode items = env.putArray(key);
        int from = Math.min(w.start(), all.size());
        int to = (int) Math.min(all.size(), (long) from + w.limit());
        for (T t : all.subList(from, to)) {
            items.add(render.apply(t));
        }
        if (total != Total.NONE) {
            if (cfg.totalTypes().asString(total == Total.STRING)) {
                env.put("total", String.valueOf(all.size()));
            } else {
                env.put("total", all.size());
            }
        }
        ObjectNode links = env.putObject("links");
        links.put("self", url(req, w.start(), w.limit()));
        if ((long) w.start() + w.limit() < all.size()) {
            links.put("next", url(req, w.start() + w.limit(), w.limit()));
        }
        return env;
    }

    /** The request's URL with its other parameters kept in order and start/limit set last. */
    String url(SimRequest req, int start, int limit) {
        StringBuilder sb = new StringBuilder(serverBase.get()).append(req.path()).append('?');
        req.params().forEach((k, vs) -> {
            if (!k.equals("start") && !k.equals("limit")) {
                vs.forEach(v -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
            }
        });
        return sb.append("start=").append(start).append("&limit=").append(limit).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int parse(String s, int dflt) {
        if (s == null || s.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
