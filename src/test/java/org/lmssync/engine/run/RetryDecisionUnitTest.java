package org.lmssync.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.lmssync.canvas.CanvasAdapter;
import org.lmssync.config.EngineConfig;
import org.lmssync.config.Settings;
import org.lmssync.engine.http.MalformedPageException;
import org.lmssync.engine.http.Redactor;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.run.Counters.Counter;
import org.lmssync.engine.spi.CredentialsRejectedException;
import org.lmssync.engine.spi.LmsAdapter;

/**
 * {@link HttpRetry#decide}: what one failed request leads to (retry and how long, or which failure:
 * the scope's, the resource's or the LMS run's), on a listing and resource run built directly.
 * No assertion reads the clock: waits come from Retry-After values or from the seeded backoff.
 */
class RetryDecisionUnitTest {
    private static final String URL = "https://t/v1/work?per_page=10";
    private static final int MAX_ATTEMPTS = 4;
    private static final int MAX_WAIT_SECONDS = 120;
    private static final long BACKOFF_BASE = 1000;

    private final ResourceDefinition def = CoreFixture.resource("work", null, "https://t/v1/work", "id=id");
    private final EngineConfig config = CoreFixture.config(null, 30, MAX_ATTEMPTS, MAX_WAIT_SECONDS);
    private final HttpRetry retry = new HttpRetry(config, new Random(13), new Redactor());
    private final LmsRun lmsRun = new LmsRun(42, "testlms");
    private final Scope scope = new Scope(Scope.ROOT, Map.of(), null);

    /** An LMS whose credential refresh works or not. */
    private static final class Adapter implements LmsAdapter {
        private final boolean refreshes;
        int refreshed;

        Adapter(boolean refreshes) {
            this.refreshes = refreshes;
        }

        @Override
        public String name() {
            return "testlms";
        }

        @Override
        public void configure(Settings settings) {
        }

        @Override
        public void authorize(Message request, String method, String url) {
        }

        @Override
        public boolean refreshCredentials() {
            refreshed++;
            return refreshes;
        }
    }

    private ResourceRun run(LmsAdapter adapter) {
        return CoreFixture.run(def, lmsRun, adapter, List.of(scope));
    }

    private Listing sent() {
        Listing l = CoreFixture.listing(scope, URL, lmsRun);
        l.sending();
        return l;
    }

    private static HttpOperationFailedException http(int status, Map<String, String> headers, String body) {
        return new HttpOperationFailedException(URL, status, "status " + status, null, headers, body);
    }

    @Test
    void aThrottleWithRetryAfterInSecondsWaitsExactlyThatAndIsCounted() {
        ResourceRun run = run(new Adapter(false));
        HttpRetry.Decision d = retry.decide(run, sent(), http(429, Map.of("retry-after", "7"), ""));
        assertTrue(d.retry());
        assertTrue(d.throttled());
        assertEquals(7_000, d.delayMs(), "Retry-After is read case-insensitively and waited out as sent");
        assertFalse(d.endsResource());
        assertEquals(1, run.counters().get(Counter.THROTTLED));
    }

    @Test
    void aRetryAfterDateInThePastMeansNoWaitAndOneBeyondTheMaxWaitEndsTheResource() {
        HttpRetry.Decision past = retry.decide(run(new Adapter(false)), sent(),
                http(429, Map.of("Retry-After", "Wed, 25 Nov 2026 19:00:00 GMT"), ""));
        assertTrue(past.retry());
        assertEquals(0, past.delayMs());

        HttpRetry.Decision tooLong = retry.decide(run(new Adapter(false)), sent(),
                http(429, Map.of("Retry-After", "Fri, 01 Jan 2100 00:00:00 GMT"), ""));
        assertFalse(tooLong.retry());
        assertTrue(tooLong.endsResource(), "a wait longer than allowed stops the resource, not only the scope");
        assertTrue(tooLong.reason().contains("lms.http.max-wait-seconds=" + MAX_WAIT_SECONDS), tooLong.reason());

        HttpRetry.Decision seconds = retry.decide(run(new Adapter(false)), sent(),
                http(503, Map.of("Retry-After", Integer.toString(MAX_WAIT_SECONDS + 1)), ""));
        assertTrue(seconds.retry(), "Retry-After on a 503 that is not a throttle is only a hint: backoff decides");
        assertTrue(seconds.delayMs() <= BACKOFF_BASE);
        HttpRetry.Decision limit = retry.decide(run(new Adapter(false)), sent(),
                http(429, Map.of("Retry-After", Integer.toString(MAX_WAIT_SECONDS)), ""));
        assertTrue(limit.retry(), "exactly the max wait is still waited out");
        assertEquals(MAX_WAIT_SECONDS * 1000L, limit.delayMs());
    }

    @Test
    void serverErrorsBackOffWithinAnExponentialCeilingUntilTheAttemptsRunOut() {
        ResourceRun run = run(new Adapter(false));
        Listing l = sent();
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            HttpRetry.Decision d = retry.decide(run, l, http(503, Map.of(), ""));
            assertTrue(d.retry(), "attempt " + attempt);
            assertFalse(d.throttled());
            long ceiling = Math.min(MAX_WAIT_SECONDS * 1000L, BACKOFF_BASE << (attempt - 1));
            assertTrue(d.delayMs() >= 0 && d.delayMs() <= ceiling, attempt + ": " + d.delayMs() + " > " + ceiling);
        }
        HttpRetry.Decision last = retry.decide(run, l, new RuntimeException(new IOException("connection reset")));
        assertFalse(last.retry(), "the attempts of one page are counted across kinds of failure");
        assertFalse(last.endsResource());
        assertFalse(last.credentialsRejected());
        assertTrue(last.reason().contains("gave up after " + MAX_ATTEMPTS), last.reason());

        // a page that was read resets the count: the next page has its own attempts
        l.advance("https://t/v1/work?page=2");
        l.sending();
        assertTrue(retry.decide(run, l, http(502, Map.of(), "")).retry());
    }

    @Test
    void aPermanentErrorIsNotRetriedAndFailsOnlyTheScope() {
        HttpRetry.Decision d = retry.decide(run(new Adapter(false)), sent(), http(404, Map.of(), "{\"error\":\"no such course\"}"));
        assertFalse(d.retry());
        assertFalse(d.endsResource());
        assertFalse(d.credentialsRejected());
        assertTrue(d.reason().contains("no such course"), "the body's hint is kept: " + d.reason());
        assertFalse(retry.decide(run(new Adapter(false)), sent(),
                new MalformedPageException("items is not a list", false, null)).retry());
        assertTrue(retry.decide(run(new Adapter(false)), sent(),
                new MalformedPageException("truncated", true, null)).retry());
    }

    @Test
    void aResumePointTheApiRejectsRestartsTheListingFromItsFirstPageAsANewPass() {
        Listing resumed = new Listing(scope, URL, "https://t/v1/work?page=bookmark:stale", 17, true, null, null, 3, lmsRun.stop());
        resumed.sending();
        HttpRetry.Decision d = retry.decide(run(new Adapter(false)), resumed, http(400, Map.of(), ""));
        assertTrue(d.retry());
        assertEquals(0, d.delayMs());
        assertEquals(URL, resumed.nextUrl());
        assertEquals(42, resumed.passRunId(), "the restarted pass belongs to this run");
        assertEquals(0, resumed.rejected(), "the old pass's rejected records are not this pass's");
        assertFalse(resumed.resumed());
        // the restarted listing is no longer a resumed one: a second 400 is a plain failure
        resumed.sending();
        assertFalse(retry.decide(run(new Adapter(false)), resumed, http(400, Map.of(), "")).retry());
    }

    @Test
    void aRejectedCredentialIsRefreshedOncePerPageThenAbortsTheLmsRun() {
        Adapter refreshes = new Adapter(true);
        ResourceRun run = run(refreshes);
        Listing l = sent();
        HttpRetry.Decision first = retry.decide(run, l, http(401, Map.of(), ""));
        assertTrue(first.retry(), "a 401 gets one refresh of the credentials");
        assertEquals(0, first.delayMs());
        HttpRetry.Decision second = retry.decide(run, l, http(401, Map.of(), ""));
        assertFalse(second.retry());
        assertTrue(second.credentialsRejected(), "a second 401 in a row is final");
        assertEquals(1, refreshes.refreshed);

        HttpRetry.Decision noRefresh = retry.decide(run(new Adapter(false)), sent(), http(401, Map.of(), ""));
        assertFalse(noRefresh.retry());
        assertTrue(noRefresh.credentialsRejected());
        assertTrue(noRefresh.reason().contains("lms.testlms.*"), noRefresh.reason());

        HttpRetry.Decision token = retry.decide(run(new Adapter(false)), sent(),
                new RuntimeException(new CredentialsRejectedException("the token endpoint said invalid_grant")));
        assertFalse(token.retry());
        assertTrue(token.credentialsRejected());
    }

    @Test
    void canvasRateLimitExceededIsAThrottleAndAPlain403IsNot() {
        ResourceRun run = run(new CanvasAdapter());
        HttpRetry.Decision throttled = retry.decide(run, sent(),
                http(403, Map.of("X-Rate-Limit-Remaining", "0.0"), "403 Forbidden (Rate Limit Exceeded)\n"));
        assertTrue(throttled.retry());
        assertTrue(throttled.throttled());
        assertTrue(throttled.delayMs() <= BACKOFF_BASE, "Canvas sends no Retry-After: the backoff of a first attempt");
        assertEquals(1, run.counters().get(Counter.THROTTLED));

        HttpRetry.Decision forbidden = retry.decide(run, sent(), http(403, Map.of(), "{\"status\":\"unauthorized\"}"));
        assertFalse(forbidden.retry(), "a permission 403 is the scope's failure");
        assertFalse(forbidden.throttled());
        assertEquals(1, run.counters().get(Counter.THROTTLED));
    }

    @Test
    void withoutARequestInFlightNothingIsRetried() {
        Listing notSent = CoreFixture.listing(scope, URL, lmsRun);
        assertFalse(retry.decide(run(new Adapter(false)), notSent, http(503, Map.of(), "")).retry(),
                "a failure before the first request (planning, signing) is not an HTTP retry");
        assertFalse(retry.decide(null, sent(), http(503, Map.of(), "")).retry());
    }
}
