package org.lmssync.testapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A small local API for engine tests: collections of JSON records served over loopback with the
 * three paging kinds, scripted faults, and a request log with the server's own clock.
 *
 * <ul>
 *   <li>{@code /link/<collection>?page=&per_page=}: a bare array, RFC 8288 Link header (current,
 *   next, prev, first, last), {@code []} past the end;</li>
 *   <li>{@code /token/<collection>?pageSize=&pageToken=}: {@code {"items":[...],"nextPageToken":..}},
 *   the list omitted when empty ({@code {}});</li>
 *   <li>{@code /offset/<collection>?start=&limit=}: {@code {"item":[...],"total":"N","links":{"self":..,"next":..}}}.</li>
 * </ul>
 * A collection is any path after the kind; records are served in the order stored. For
 * collections named {@code usage/<date>}, dates at or after {@link #partialFrom} carry a
 * PARTIAL_DATA_AVAILABLE warning.
 */
public final class TestApi implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server saw it. */
    public record Request(Instant at, String path, Map<String, String> query, String authorization, int status) {
    }

    /** A scripted reply, served instead of the normal one. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply status(int status) {
            return new Reply(status, Map.of(), "{\"error\":\"scripted " + status + "\"}");
        }

        public static Reply retryAfter(int status, String value) {
            return new Reply(status, Map.of("Retry-After", value), "{\"error\":\"slow down\"}");
        }

        /** In a script: serve this request normally. */
        public static final Reply PASS = new Reply(0, Map.of(), "");

        public static Reply body(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), body);
        }
    }

    private final HttpServer server;
    private final Map<String, List<ObjectNode>> collections = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<Request> log = new CopyOnWriteArrayList<>();
    private volatile int maxPageSize = 1000;
    private volatile long delayMillis;
    private volatile boolean loopNextLink;
    private volatile boolean emptyPageAtEnd;
    public volatile LocalDate partialFrom = LocalDate.MAX;

    static {
        // Headers and body go out in two writes; without TCP_NODELAY each reply waits for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public TestApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void put(String collection, List<ObjectNode> records) {
        collections.put(collection, Collections.synchronizedList(new ArrayList<>(records)));
    }

    public List<ObjectNode> get(String collection) {
        return collections.computeIfAbsent(collection, k -> Collections.synchronizedList(new ArrayList<>()));
    }

    /** Serves these replies, in order, to the next requests whose path starts with {@code prefix}. */
    public void script(String prefix, Reply... replies) {
        scripts.computeIfAbsent(prefix, k -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    public void maxPageSize(int n) {
        maxPageSize = n;
    }

    public void delayMillis(long ms) {
        delayMillis = ms;
    }

    /** Every next link points back to the current page. */
    public void loopNextLink(boolean on) {
        loopNextLink = on;
    }

    /** The last full page still points to a next page, which is empty ({@code []} or {@code {}}). */
    public void emptyPageAtEnd(boolean on) {
        emptyPageAtEnd = on;
    }

    public List<Request> requests() {
        return List.copyOf(log);
    }

    public long count(Predicate<Request> p) {
        return log.stream().filter(p).count();
    }

    public long count(String pathPrefix) {
        return count(r -> r.path().startsWith(pathPrefix));
    }

    public void clearLog() {
        log.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        Instant at = Instant.now();
        String path = ex.getRequestURI().getPath();
        Map<String, String> query = parse(ex.getRequestURI().getRawQuery());
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            Reply reply = scripted(path);
            if (reply == null && !"Bearer test-token".equals(auth)) {
                reply = new Reply(401, Map.of(), "{\"errors\":[{\"message\":\"Invalid access token.\"}]}");
            }
            if (reply == null || reply == Reply.PASS) {
                reply = serve(path, query);
            }
            log.add(new Request(at, path, query, auth, reply.status()));
            send(ex, reply);
        } catch (RuntimeException | InterruptedException e) {
            log.add(new Request(at, path, query, auth, 500));
            send(ex, new Reply(500, Map.of(), "{\"error\":\"" + e + "\"}"));
        }
    }

    private Reply scripted(String path) {
        for (Map.Entry<String, Deque<Reply>> e : scripts.entrySet()) {
            if (path.startsWith(e.getKey())) {
                synchronized (e.getValue()) {
                    Reply r = e.getValue().poll();
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private Reply serve(String path, Map<String, String> q) throws IOException {
        String[] parts = path.split("/", 3);
        if (parts.length < 3) {
            return Reply.status(404);
        }
        String kind = parts[1];
        String name = parts[2];
        List<ObjectNode> all = collections.get(name);
        if (all == null) {
            return new Reply(404, Map.of(), "{\"errors\":[{\"message\":\"The specified resource does not exist.\"}]}");
        }
        List<ObjectNode> records;
        synchronized (all) {
            records = new ArrayList<>(all);
        }
        if ("updated desc".equals(q.get("orderBy"))) {
            records.sort((a, b) -> b.path("updated").asText().compareTo(a.path("updated").asText()));
        }
        String self = baseUrl() + path;
        return switch (kind) {
            case "link" -> link(self, q, records);
            case "token" -> token(name, q, records);
            case "offset" -> offset(self, q, records);
            default -> Reply.status(404);
        };
    }

    private Reply link(String self, Map<String, String> q, List<ObjectNode> records) throws IOException {
        int per = clamp(q.getOrDefault("per_page", "10"));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int from = (page - 1) * per;
        List<ObjectNode> slice = records.subList(Math.min(from, records.size()), Math.min(from + per, records.size()));
        int last = Math.max(1, (records.size() + per - 1) / per);
        String extra = extraQuery(q, "page", "per_page");
        List<String> links = new ArrayList<>();
        links.add("<" + self + "?" + extra + "page=" + page + "&per_page=" + per + ">; rel=\"current\"");
        if (loopNextLink) {
            links.add("<" + self + "?" + extra + "page=" + page + "&per_page=" + per + ">; rel=\"next\"");
        } else if (page < last || emptyPageAtEnd && page == last && !slice.isEmpty()) {
            links.add("<" + self + "?" + extra + "page=" + (page + 1) + "&per_page=" + per + ">; rel=\"next\"");
        }
        if (page > 1) {
            links.add("<" + self + "?" + extra + "page=" + (page - 1) + "&per_page=" + per + ">; rel=\"prev\"");
        }
        links.add("<" + self + "?" + extra + "page=1&per_page=" + per + ">; rel=\"first\"");
        links.add("<" + self + "?" + extra + "page=" + last + "&per_page=" + per + ">; rel=\"last\"");
        ArrayNode body = JSON.createArrayNode();
        slice.forEach(body::add);
        return new Reply(200, Map.of("Content-Type", "application/json", "Link", String.join(",", links)),
                JSON.writeValueAsString(body));
    }

    private Reply token(String name, Map<String, String> q, List<ObjectNode> records) throws IOException {
        int size = clamp(q.getOrDefault("pageSize", "30"));
        String token = q.get("pageToken");
        int from = 0;
        if (token != null) {
            if (!token.startsWith("t")) {
                return new Reply(400, Map.of(), "{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\"}}");
            }
            from = Integer.parseInt(token.substring(1));
        }
        List<ObjectNode> slice = records.subList(Math.min(from, records.size()), Math.min(from + size, records.size()));
        ObjectNode body = JSON.createObjectNode();
        if (!slice.isEmpty()) {
            body.putArray("items").addAll(slice);
        }
        if (from + size < records.size() || loopNextLink || emptyPageAtEnd && slice.size() == size) {
            body.put("nextPageToken", loopNextLink ? (token == null ? "t0" : token) : "t" + (from + size));
        }
        if (name.startsWith("usage/")) {
            LocalDate d = LocalDate.parse(name.substring("usage/".length()));
            if (!d.isBefore(partialFrom)) {
                body.putArray("warnings").addObject().put("code", "PARTIAL_DATA_AVAILABLE");
            }
        }
        return Reply.body(JSON.writeValueAsString(body));
    }

    private Reply offset(String self, Map<String, String> q, List<ObjectNode> records) throws IOException {
        int limit = clamp(q.getOrDefault("limit", "20"));
        int start = Integer.parseInt(q.getOrDefault("start", "0"));
        List<ObjectNode> slice = records.subList(Math.min(start, records.size()), Math.min(start + limit, records.size()));
        ObjectNode body = JSON.createObjectNode();
        body.putArray("item").addAll(slice);
        body.put("total", Integer.toString(records.size()));
        ObjectNode links = body.putObject("links");
        String extra = extraQuery(q, "start", "limit");
        links.put("self", self + "?" + extra + "start=" + start + "&limit=" + limit);
        if (start + limit < records.size()) {
            links.put("next", self + "?" + extra + "start=" + (start + limit) + "&limit=" + limit);
        }
        // Schoology escapes slashes in its JSON; the engine must read them and store records as sent.
        return Reply.body(JSON.writeValueAsString(body).replace("/", "\\/"));
    }

    private int clamp(String n) {
        return Math.max(1, Math.min(maxPageSize, Integer.parseInt(n)));
    }

    private static String extraQuery(Map<String, String> q, String... skip) {
        StringBuilder sb = new StringBuilder();
        q.forEach((k, v) -> {
            if (!List.of(skip).contains(k)) {
                sb.append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        });
        return sb.toString();
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Records {"id": "<prefix><i>", "name": ..., "updated": ...} for i in [from, from+n). */
    public static List<ObjectNode> records(String prefix, int from, int n) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            ObjectNode r = JSON.createObjectNode();
            r.put("id", prefix + i);
            r.put("name", "record " + i);
            r.put("updated", String.format("2026-09-%02dT10:00:00Z", 1 + i % 28));
            out.add(r);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
