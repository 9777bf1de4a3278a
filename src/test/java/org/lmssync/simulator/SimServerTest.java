package org.lmssync.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimServerTest {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private SimClock clock;
    private SimServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        clock = SimClock.fixed(T0);
        server = SimServer.builder()
                .clock(clock)
                .threads(4)
                .route("/items", req -> {
                    ObjectNode page = Json.object();
                    var arr = page.putArray("items");
                    for (int i = 1; i <= 4; i++) {
                        arr.addObject().put("id", "i" + i).put("updateTime", "2025-01-0" + i + "T00:00:00Z");
                    }
                    return SimResponse.json(200, page);
                })
                .route("/other", req -> SimResponse.text(200, "other"))
                .route("/boom", req -> {
                    throw new IllegalStateException("handler bug");
                })
                .recordFaultHook((fault, req, normal) -> {
                    ObjectNode page = (ObjectNode) Json.read(normal.body());
                    JsonRecordFaults.apply(fault, (com.fasterxml.jackson.databind.node.ArrayNode) page.get("items"), "id");
                    return SimResponse.json(normal.status(), page);
                })
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(http, pathAndQuery);
    }

    private HttpResponse<String> get(HttpClient client, String pathAndQuery) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer abc")
                .timeout(Duration.ofSeconds(5))
                .build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsToLoopbackOnlyOnEphemeralPort() {
        assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        assertTrue(server.port() > 0);
        assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"));
    }

    @Test
    void logsRequestDetails() throws Exception {
        get("/items?a=1&a=2&b=x%20y");
        get("/other");
        get("/nowhere");
        List<RequestLog.Entry> entries = server.requestLog().entries();
        assertEquals(3, entries.size());
        RequestLog.Entry e = entries.get(0);
        assertEquals("GET", e.method());
        assertEquals("/items", e.path());
        assertEquals("a=1&a=2&b=x%20y", e.rawQuery());
        assertEquals(List.of("1", "2"), e.params().get("a"));
        assertEquals("x y", e.param("b").orElseThrow());
        assertTrue(e.hasAuthorization());
        assertEquals("Bearer abc", e.headers().get("authorization"));
        assertEquals(T0, e.received());
        assertEquals(200, e.status());
        assertNull(e.fault());
        assertEquals(404, entries.get(2).status());
        assertEquals(1, server.requestLog().countByPathPrefix("/items"));
        server.requestLog().clear();
        assertEquals(0, server.requestLog().size());
    }

    @Test
    void handlerExceptionBecomes500() throws Exception {
        assertEquals(500, get("/boom").statusCode());
    }

    @Test
    void retryAfterSeconds() throws Exception {
        server.faults().injectNext(1, Fault.tooManyRequestsRetryAfterSeconds(7));
        HttpResponse<String> r = get("/items");
        assertEquals(429, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, get("/items").statusCode(), "only the next request is hit");
        assertEquals("TOO_MANY_REQUESTS_RETRY_AFTER_SECONDS", server.requestLog().entries().get(0).fault());
    }

    @Test
    void retryAfterHttpDate() throws Exception {
        server.faults().injectNext(1, Fault.tooManyRequestsRetryAfterDate(Duration.ofSeconds(30)));
        HttpResponse<String> r = get("/items");
        assertEquals(429, r.statusCode());
        ZonedDateTime when = ZonedDateTime.parse(r.headers().firstValue("Retry-After").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME);
        assertEquals(T0.plusSeconds(30), when.toInstant());
    }

    @Test
    void tooManyRequestsWithoutRetryAfter() throws Exception {
        server.faults().injectNext(1, Fault.tooManyRequests());
        HttpResponse<String> r = get("/items");
        assertEquals(429, r.statusCode());
        assertTrue(r.headers().firstValue("Retry-After").isEmpty());
    }

    @Test
    void forbiddenWithTextBody() throws Exception {
        server.faults().injectNext(1, Fault.forbiddenText("403 Forbidden (Rate Limit Exceeded)"));
        HttpResponse<String> r = get("/items");
        assertEquals(403, r.statusCode());
        assertEquals("403 Forbidden (Rate Limit Exceeded)", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }

    @Test
    void serverErrors() throws Exception {
        for (int status : new int[] {500, 502, 503, 504}) {
            server.faults().injectNext(1, Fault.serverError(status));
            assertEquals(status, get("/items").statusCode());
        }
        assertThrows(IllegalArgumentException.class, () -> Fault.serverError(501));
    }

    @Test
    void notFoundIsAPermanent404AndExpiringCredentialsNeedsAHook() throws Exception {
        server.faults().injectNext(1, Fault.notFound());
        HttpResponse<String> r = get("/items");
        assertEquals(404, r.statusCode());
        assertEquals("404 Not Found", r.body());
        assertEquals("NOT_FOUND", server.requestLog().entries().get(0).fault());
        assertEquals(200, get("/items").statusCode());

        // This server has no credentials that expire: the fault is refused loudly rather than faked.
        server.faults().injectNext(1, Fault.expireCredentials());
        r = get("/items");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("no expiring credentials"), r.body());
    }

    @Test
    void expireCredentialsRunsTheHookThenAnswersNormally() throws Exception {
        int[] expired = {0};
        try (SimServer s = SimServer.builder().credentialExpiry(() -> expired[0]++)
                .route("/items", req -> SimResponse.text(200, "ok")).start()) {
            s.faults().injectNext(1, Fault.expireCredentials());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/items")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals(1, expired[0]);
            assertEquals("EXPIRE_CREDENTIALS", s.requestLog().entries().get(0).fault());
        }
    }

    @Test
    void resetBeforeHeadersIsAnIOException() throws Exception {
        // java.net.http silently retries a GET whose connection closed before any byte, so
        // the rule must outlast the client's retries for the failure to surface.
        Faults.Rule rule = server.faults().injectShare(1.0, Fault.resetBeforeHeaders());
        HttpClient fresh = HttpClient.newHttpClient();
        assertThrows(IOException.class, () -> get(fresh, "/items"));
        assertTrue(rule.fired() >= 1);
        assertTrue(server.requestLog().entries().stream().allMatch(e -> e.status() == RequestLog.NO_STATUS));
        rule.remove();
        assertEquals(200, get("/items").statusCode());
    }

    @Test
    void resetMidBodyIsAnIOException() throws Exception {
        server.faults().injectNext(1, Fault.resetMidBody());
        HttpClient fresh = HttpClient.newHttpClient();
        assertThrows(IOException.class, () -> get(fresh, "/items"));
        assertEquals(200, get("/items").statusCode());
    }

    @Test
    void stallDelaysTheAnswer() throws Exception {
        server.faults().injectNext(1, Fault.stall(Duration.ofMillis(1500)));
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/items"))
                .timeout(Duration.ofMillis(300)).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(req, HttpResponse.BodyHandlers.ofString()));

        server.faults().injectNext(1, Fault.stall(Duration.ofMillis(300)));
        long t = System.nanoTime();
        assertEquals(200, get("/items").statusCode());
        assertTrue(System.nanoTime() - t >= 290_000_000L, "answer came after the stall");
    }

    @Test
    void truncatedJsonHasValidStatusButUnparsableBody() throws Exception {
        server.faults().injectNext(1, Fault.truncatedJson());
        HttpResponse<String> r = get("/items");
        assertEquals(200, r.statusCode());
        assertThrows(Exception.class, () -> Json.mapper().readTree(r.body()));
    }

    @Test
    void pathPrefixRestrictsFaults() throws Exception {
        server.faults().injectNext(2, "/other", Fault.serverError(503));
        assertEquals(200, get("/items").statusCode());
        assertEquals(503, get("/other").statusCode());
        assertEquals(503, get("/other").statusCode());
        assertEquals(200, get("/other").statusCode());
    }

    @Test
    void shareIsSeededAndApproximate() throws Exception {
        int[] hits = new int[2];
        for (int run = 0; run < 2; run++) {
            Faults f = new Faults(42);
            f.injectShare(0.3, Fault.serverError(500));
            SimRequest req = new SimRequest("GET", "/x", null, java.util.Map.of(), java.util.Map.of(), new byte[0], T0);
            for (int i = 0; i < 1000; i++) {
                if (f.select(req).isPresent()) {
                    hits[run]++;
                }
            }
        }
        assertEquals(hits[0], hits[1], "same seed, same decisions");
        assertTrue(hits[0] > 240 && hits[0] < 360, "about 30% hit: " + hits[0]);
    }

    @Test
    void ruleCanBeRemoved() throws Exception {
        Faults.Rule rule = server.faults().injectShare(1.0, Fault.serverError(500));
        assertEquals(500, get("/items").statusCode());
        assertEquals(1, rule.fired());
        rule.remove();
        assertEquals(200, get("/items").statusCode());
    }

    @Test
    void recordFaultsGoThroughTheHook() throws Exception {
        server.faults().injectNext(1, Fault.record(RecordFault.DUPLICATE_RECORD));
        var items = Json.read(get("/items").body()).get("items");
        assertEquals(5, items.size());
        assertEquals(items.get(2), items.get(4));

        server.faults().injectNext(1, Fault.record(RecordFault.MISSING_IDENTITY));
        items = Json.read(get("/items").body()).get("items");
        assertFalse(items.get(2).has("id"));

        server.faults().injectNext(1, Fault.record(RecordFault.MALFORMED_RECORD));
        items = Json.read(get("/items").body()).get("items");
        assertEquals("i3", items.get(2).get("id").asText());
        assertEquals(JsonRecordFaults.GARBAGE, items.get(2).get("updateTime").asText());
        assertNotEquals(JsonRecordFaults.GARBAGE, items.get(1).get("updateTime").asText());

        server.faults().injectNext(1, Fault.record(RecordFault.GARBLED_RECORD));
        items = Json.read(get("/items").body()).get("items");
        assertEquals(4, items.size());
        assertEquals(JsonRecordFaults.GARBAGE, items.get(2).asText());
        assertTrue(items.get(2).isTextual());
        assertEquals("i4", items.get(3).get("id").asText());
    }

    @Test
    void slidingWindowLimiter() {
        SimClock c = SimClock.fixed(T0);
        SlidingWindowLimiter lim = new SlidingWindowLimiter(c, 3, Duration.ofMinutes(1));
        assertTrue(lim.tryAcquire());
        c.advance(Duration.ofSeconds(20));
        assertTrue(lim.tryAcquire());
        assertTrue(lim.tryAcquire());
        assertFalse(lim.tryAcquire());
        assertEquals(Duration.ofSeconds(40), lim.timeUntilRoom());
        c.advance(Duration.ofSeconds(40));
        assertTrue(lim.tryAcquire(), "oldest request left the window");
        assertFalse(lim.tryAcquire());
    }

    @Test
    void timestampsFollowProtoJson() {
        assertEquals("2020-04-05T19:41:15Z", Timestamps.rfc3339(Instant.parse("2020-04-05T19:41:15Z")));
        assertEquals("2020-04-05T19:41:15.290Z", Timestamps.rfc3339(Instant.parse("2020-04-05T19:41:15.29Z")));
        assertEquals("2020-04-05T19:41:15.000123Z", Timestamps.rfc3339(Instant.parse("2020-04-05T19:41:15.000123Z")));
        assertEquals("2020-04-05T19:41:15.000Z", Timestamps.rfc3339Millis(Instant.parse("2020-04-05T19:41:15Z")));
    }

    @Test
    void pathTemplate() {
        PathTemplate t = new PathTemplate("/v1/courses/{courseId}/students");
        assertEquals("42", t.match("/v1/courses/42/students").orElseThrow().get("courseId"));
        assertTrue(t.match("/v1/courses/42/teachers").isEmpty());
        assertTrue(t.match("/v1/courses//students").isEmpty());
    }
}
