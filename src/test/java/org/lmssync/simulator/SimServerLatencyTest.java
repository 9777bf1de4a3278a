package org.lmssync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.schoology.SchoologySimConfig;

/**
 * The per-request latency of the simulators' shared server: applied to every request, and
 * spent side by side for concurrent requests. Only lower bounds and orderings are asserted, never
 * how fast anything ran.
 */
class SimServerLatencyTest {
    private static final Duration FIXED = Duration.ofMillis(150);
    private static final Duration JITTER = Duration.ofMillis(50);
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(SimServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRequestIsAnsweredNoSoonerThanTheFixedLatencyAfterItArrived() throws Exception {
        Map<String, Instant> handled = new ConcurrentHashMap<>();
        try (SimServer server = SimServer.builder().latency(FIXED, JITTER)
                .route("/r", req -> {
                    handled.put(req.rawQuery(), Instant.now());
                    return SimResponse.text(200, "ok");
                }).start()) {
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                assertEquals(200, get(server, "/r?n=" + i).statusCode());
                assertTrue(System.nanoTime() - t0 >= FIXED.toNanos(), "reply " + i + " came before its latency");
            }
            for (RequestLog.Entry e : server.requestLog().entries()) {
                Duration waited = Duration.between(e.received(), handled.get(e.rawQuery()));
                assertFalse(waited.compareTo(FIXED) < 0, e.rawQuery() + " was handled after " + waited);
            }
        }
    }

    @Test
    void concurrentRequestsSpendTheirLatencySideBySide() throws Exception {
        int inFlight = 10;
        // Every handler waits until all ten are in it: if the server served them one after another
        // (a pool smaller than the requests in flight), the barrier would never fill and time out.
        CyclicBarrier all = new CyclicBarrier(inFlight);
        List<Instant> entered = java.util.Collections.synchronizedList(new ArrayList<>());
        try (SimServer server = SimServer.builder().threads(inFlight).latency(FIXED, JITTER)
                .route("/r", req -> {
                    entered.add(Instant.now());
                    try {
                        all.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        return SimResponse.text(500, "not concurrent: " + e);
                    }
                    return SimResponse.text(200, "ok");
                }).start()) {
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < inFlight; i++) {
                replies.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/r?n=" + i))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (var r : replies) {
                assertEquals(200, r.get(60, TimeUnit.SECONDS).statusCode());
            }
            List<RequestLog.Entry> log = server.requestLog().entries();
            assertEquals(inFlight, log.size());
            // each waited its latency after it arrived, and all ten were in the server at once
            Instant firstIn = entered.stream().min(Instant::compareTo).orElseThrow();
            Instant lastArrival = log.stream().map(RequestLog.Entry::received).max(Instant::compareTo).orElseThrow();
            Instant firstArrival = log.stream().map(RequestLog.Entry::received).min(Instant::compareTo).orElseThrow();
            assertFalse(Duration.between(firstArrival, firstIn).compareTo(FIXED) < 0);
            assertEquals(inFlight, entered.size());
            assertTrue(!lastArrival.isAfter(entered.stream().max(Instant::compareTo).orElseThrow()));
        }
    }

    @Test
    void eachSimulatorsConfigCarriesTheLatencyAndAPoolAboveTenRequestsInFlight() {
        Latency l = CanvasSimConfig.builder().latency(FIXED, JITTER).build().latency();
        assertEquals(FIXED, l.fixed());
        assertEquals(JITTER, l.jitter());
        assertEquals(FIXED, GoogleSimConfig.builder().latency(FIXED, Duration.ZERO).build().latency().fixed());
        assertEquals(FIXED, SchoologySimConfig.builder().latency(FIXED, null).build().latency().next());
        assertTrue(CanvasSimConfig.builder().build().latency().isNone());
        assertTrue(CanvasSimConfig.builder().build().threads() > 10);
        assertTrue(GoogleSimConfig.builder().build().threads() > 10);
        assertTrue(SchoologySimConfig.builder().build().threads() > 10);
    }

    @Test
    void theJitterStaysWithinItsBound() {
        Latency l = Latency.of(FIXED, JITTER);
        for (int i = 0; i < 1000; i++) {
            Duration d = l.next();
            assertFalse(d.compareTo(FIXED) < 0);
            assertFalse(d.compareTo(FIXED.plus(JITTER)) > 0);
        }
    }
}
