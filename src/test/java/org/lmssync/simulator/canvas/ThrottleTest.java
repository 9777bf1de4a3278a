package org.lmssync.simulator.canvas;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottleTest extends CanvasSimTestBase {
    private static final String BODY = "403 Forbidden (Rate Limit Exceeded)\n";

    /** Holds each request 300 ms, so parallel requests overlap and their 50-unit reserves add up. */
    private CanvasSimConfig.Builder slow() {
        return config().threads(40).throttle(ThrottleSettings.canvasDefaults()
                .withLatency(Duration.ofMillis(300), Duration.ZERO));
    }

    private List<HttpResponse<String>> burst(CanvasTestClient c, int n, String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> c.get(path));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theChargedCostIsTheSumOfTheCostsSent() throws Exception {
        CanvasTestClient c = start();
        double sent = 0;
        for (String path : List.of("/api/v1/accounts", "/api/v1/accounts/self/users?per_page=20",
                "/api/v1/accounts/self/users?per_page=7")) {
            sent += Double.parseDouble(c.get(path).headers().firstValue("X-Request-Cost").orElseThrow());
        }
        assertEquals(sent, sim.chargedCost(), 1e-9);
        sim.resetThrottle();
        assertEquals(0.0, sim.chargedCost());
    }

    @Test
    void everyAnsweredRequestCarriesCostAndRemaining() throws Exception {
        CanvasTestClient c = start();
        for (String path : List.of("/api/v1/accounts", "/api/v1/courses/999999", "/api/v1/accounts/self/users?per_page=20")) {
            HttpResponse<String> r = c.get(path);
            assertTrue(r.headers().firstValue("X-Request-Cost").isPresent(), path);
            String remaining = r.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow();
            assertTrue(remaining.matches("\\d+\\.\\d+"), remaining);
            assertTrue(r.headers().firstValue("Retry-After").isEmpty());
        }
        c.token = "wrong";
        HttpResponse<String> unauth = c.get("/api/v1/accounts");
        assertEquals(401, unauth.statusCode());
        assertTrue(unauth.headers().firstValue("X-Request-Cost").isPresent());
        // A full page of 20 users costs 0.5 + 20 * 0.005.
        c.token = sim.accessToken();
        assertEquals("0.6", c.get("/api/v1/accounts/self/users?per_page=20").headers()
                .firstValue("X-Request-Cost").orElseThrow());
    }

    @Test
    void parallelBurstIsThrottledWithCanvasPlainText() throws Exception {
        CanvasTestClient c = start(slow().build());
        List<HttpResponse<String>> responses = burst(c, 30, "/api/v1/accounts");
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 403).toList();
        long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
        assertEquals(30, ok + refused.size());
        assertFalse(refused.isEmpty(), "twelve 50-unit reserves reach the 600 mark");
        assertTrue(ok >= 11, "the first eleven in flight fit under the mark: " + ok);
        for (HttpResponse<String> r : refused) {
            assertEquals(BODY, r.body());
            assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("0.0", r.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
            assertTrue(r.headers().firstValue("X-Request-Cost").isEmpty());
            assertTrue(r.headers().firstValue("Retry-After").isEmpty());
        }
        assertEquals(refused.size(), sim.throttledCount());
        assertTrue(sim.bucketLevel(sim.accessToken()) < 50, "reserves are refunded when requests finish");
        assertEquals(refused.size(), sim.requestLog().count(e -> e.status() == 403));
    }

    @Test
    void theApiLatencyHoldsTheUpFrontReserveLikeHandlingTime() throws Exception {
        // the benchmark's per-request latency is the server's time on the request: the reserves of
        // requests in flight add up during it, as in Canvas, instead of being refunded at once
        CanvasTestClient c = start(config().threads(40).latency(Duration.ofMillis(300), Duration.ZERO).build());
        List<HttpResponse<String>> responses = burst(c, 30, "/api/v1/accounts");
        long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
        long refused = responses.stream().filter(r -> r.statusCode() == 403).count();
        assertEquals(30, ok + refused);
        assertTrue(refused > 0, "twelve 50-unit reserves in flight reach the 600 mark");
        assertTrue(ok >= 11 && ok < 30, "the first eleven in flight fit under the mark: " + ok);
        assertEquals(refused, sim.throttledCount());
    }

    @Test
    void sequentialRequestsAtAModestRateAreNeverThrottled() throws Exception {
        CanvasTestClient c = start(config().throttle(ThrottleSettings.canvasDefaults()
                .withLatency(Duration.ofMillis(5), Duration.ZERO)).build());
        double lastRemaining = 600;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = c.get("/api/v1/accounts/self/users?per_page=100");
            assertEquals(200, r.statusCode());
            lastRemaining = Double.parseDouble(r.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
        }
        assertEquals(0, sim.throttledCount());
        assertTrue(lastRemaining > 500, "remaining " + lastRemaining);
    }

    @Test
    void costAloneFillsTheBucketAndLeakEmptiesIt() throws Exception {
        // A 100-unit request cost and no leak: the sixth request's reserve finds 500 + 50 ... then 600.
        CanvasTestClient c = start(config().throttle(ThrottleSettings.canvasDefaults()
                .withBucket(600, 800, 0, 50).withCost(100, 0)).build());
        int served = 0;
        while (c.get("/api/v1/accounts").statusCode() == 200) {
            served++;
            assertTrue(served < 20);
        }
        assertEquals(6, served, "600 units of cost reach the high-water mark");
        assertEquals(1, sim.throttledCount());
        sim.resetThrottle();
        assertEquals(200, c.get("/api/v1/accounts").statusCode());
    }

    @Test
    void status429AndSwitchingOffAreOptions() throws Exception {
        CanvasTestClient c = start(slow().throttle(slow().build().throttle().withThrottledStatus(429)).build());
        List<HttpResponse<String>> responses = burst(c, 30, "/api/v1/accounts");
        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
        assertEquals(429, refused.statusCode());
        assertEquals("429 Too Many Requests (Rate Limit Exceeded)\n", refused.body());

        sim.setThrottleSettings(sim.throttleSettings().withEnabled(false));
        sim.resetThrottle();
        List<HttpResponse<String>> free = burst(c, 30, "/api/v1/accounts");
        free.forEach(r -> {
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("X-Rate-Limit-Remaining").isPresent(), "headers stay when switched off");
        });
        assertEquals(0, sim.throttledCount());
    }

    @Test
    void bucketsArePerToken() throws Exception {
        CanvasTestClient c = start(slow().build());
        sim.addAccessToken("second-token");
        CanvasTestClient other = new CanvasTestClient(sim.baseUrl(), "second-token");
        burst(c, 30, "/api/v1/accounts");
        assertTrue(sim.throttledCount() > 0);
        assertEquals(200, other.get("/api/v1/accounts").statusCode());
    }

    @Test
    void leakyBucketLeaksAtTheOutflowRate() {
        AtomicLong nanos = new AtomicLong();
        LeakyBucket b = new LeakyBucket(nanos::get);
        ThrottleSettings s = ThrottleSettings.canvasDefaults();
        assertEquals(50.0, b.increment(50, s));
        nanos.addAndGet(2_000_000_000L);
        assertEquals(30.0, b.level(s), 1e-9);
        assertEquals(800.0, b.increment(5_000, s), "capped at the maximum");
        nanos.addAndGet(200_000_000_000L);
        assertEquals(0.0, b.level(s), "never below zero");
        assertEquals("599.95", CanvasGate.number(599.95));
        assertEquals("600.0", CanvasGate.number(600));
        assertEquals("0.0", CanvasGate.number(0));
    }
}
