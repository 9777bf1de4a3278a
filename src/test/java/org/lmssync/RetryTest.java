package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;
import org.lmssync.testapi.TestApi.Reply;

/** Throttle-aware redelivery through the shared error handler, timed by the server's clock. */
class RetryTest extends SyncTestSupport {

    @Test
    void retryAfterInSecondsIsWaitedOut() throws Exception {
        api.put("items", TestApi.records("a", 0, 15));
        api.script("/link/items", Reply.retryAfter(429, "2"));
        assertEquals(0, once("items_link"), lastErr);
        List<TestApi.Request> r = api.requests();
        assertEquals(429, r.get(0).status());
        assertEquals(200, r.get(1).status());
        Duration gap = Duration.between(r.get(0).at(), r.get(1).at());
        assertTrue(gap.toMillis() >= 2000, "retried after " + gap);
        assertEquals(15, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        Map<String, Object> run = lastResourceRun("items_link");
        assertEquals(1, run.get("retries"));
        assertEquals(1, run.get("throttled"));
        assertEquals(2000, ((Number) run.get("throttle_wait_ms")).intValue());
        assertEquals(1L, scalar("SELECT throttled FROM sync_runs ORDER BY run_id DESC LIMIT 1"));
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedOut() throws Exception {
        api.put("items", TestApi.records("a", 0, 5));
        Instant until = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        api.script("/link/items", Reply.retryAfter(429, DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atOffset(ZoneOffset.UTC))));
        assertEquals(0, once("items_link"), lastErr);
        List<TestApi.Request> r = api.requests();
        assertEquals(2, r.size());
        assertFalse(r.get(1).at().isBefore(until), "retried at " + r.get(1).at() + ", asked for " + until);
    }

    @Test
    void aRetryAfterLongerThanTheMaxWaitFailsTheResourceWithoutWaiting() throws Exception {
        config.put("lms.http.max-wait-seconds", "1");
        api.put("items", TestApi.records("a", 0, 5));
        api.script("/link/items", Reply.retryAfter(429, "120"));
        long t0 = System.nanoTime();
        assertEquals(1, once("items_link"));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 30);
        assertEquals(1, api.count("/link/items"));
        assertTrue(lastResourceRun("items_link").get("error").toString().contains("lms.http.max-wait-seconds"));
    }

    @Test
    void withoutRetryAfterTheWaitsBackOffExponentiallyWithinTheirCeilings() throws Exception {
        config.put("lms.http.backoff-base-millis", "200");
        api.put("items", TestApi.records("a", 0, 5));
        api.script("/link/items", Reply.status(503), Reply.status(500), Reply.status(502), Reply.status(504));
        assertEquals(0, once("items_link"), lastErr);
        List<TestApi.Request> r = api.requests();
        assertEquals(5, r.size());
        // full jitter: wait k is uniform in [0, 200 * 2^(k-1)] ms
        for (int k = 1; k <= 4; k++) {
            long gap = Duration.between(r.get(k - 1).at(), r.get(k).at()).toMillis();
            // generous slack for a loaded machine; the exact bound is EngineUnitTest's
            assertTrue(gap <= 200L * (1L << (k - 1)) + 1500, "wait " + k + " was " + gap + " ms");
        }
        assertEquals(4, lastResourceRun("items_link").get("retries"));
        assertEquals(0, lastResourceRun("items_link").get("throttled"));
    }

    @Test
    void atMostMaxAttemptsThenTheResourceFails() throws Exception {
        config.put("lms.http.max-attempts", "3");
        api.put("items", TestApi.records("a", 0, 5));
        api.script("/link/items", Reply.status(500), Reply.status(500), Reply.status(500), Reply.status(500));
        assertEquals(1, once("items_link"));
        assertEquals(3, api.count("/link/items"));
        Map<String, Object> run = lastResourceRun("items_link");
        assertEquals("failed", run.get("status"));
        assertEquals(2, run.get("retries"));
        assertTrue(run.get("error").toString().contains("gave up after 3 attempts"), run.toString());
    }

    @Test
    void aPermanentErrorIsNotRetriedAndOtherResourcesGoOn() throws Exception {
        api.put("items", TestApi.records("a", 0, 5));
        api.script("/link/items", Reply.status(404));
        assertEquals(1, once("items_link", "items_token"));
        assertEquals(1, api.count("/link/items"));
        assertEquals(1, api.count("/token/items"));
        assertEquals("failed", lastResourceRun("items_link").get("status"));
        assertEquals("succeeded", lastResourceRun("items_token").get("status"));
        assertEquals("failed", query("SELECT status FROM sync_runs").get(0).get("status"));
    }

    @Test
    void aThrottleSignalThatTheLmsDeclaresIsRetriedAndAPlain403IsNot() throws Exception {
        api.put("items", TestApi.records("a", 0, 5));
        api.script("/link/items", new Reply(403, Map.of("Content-Type", "text/plain"), "403 Forbidden (Rate Limit Exceeded)\n"));
        assertEquals(0, once("items_link"), lastErr);
        assertEquals(2, api.count("/link/items"));
        assertEquals(1, lastResourceRun("items_link").get("throttled"));

        api.clearLog();
        api.script("/link/items", new Reply(403, Map.of(), "{\"errors\":[{\"message\":\"user not authorized\"}]}"));
        assertEquals(1, once("items_link"));
        assertEquals(1, api.count("/link/items"));
    }

    @Test
    void aRejectedTokenFailsFastAndTheSecretNeverAppears() throws Exception {
        config.put("lms.testlms.token", "s3cret-token-value");
        api.put("items", TestApi.records("a", 0, 5));
        assertEquals(1, once("items_link"));
        assertEquals(1, api.count("/link/items"));
        String error = lastResourceRun("items_link").get("error").toString();
        assertTrue(error.contains("401"), error);
        assertFalse((lastOut + lastErr + error).contains("s3cret-token-value"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM sync_errors WHERE reason LIKE '%s3cret%' OR payload LIKE '%s3cret%'"));
    }
}
