package org.lmssync.reliability;


import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.RequestLog;

/**
 * Transient faults on the first page of each LMS's root listing: each is retried (the same page,
 * within lms.http.max-attempts), the run exits 0 and every table equals the simulator. A fault
 * that never ends costs exactly lms.http.max-attempts requests, and the waits are recorded.
 */
class TransientFaultTest extends ReliabilitySupport {
    /** For the faults only these LMSs have. */
    private static final LmsFixture.Lms CANVAS = LmsFixture.Lms.named("canvas");
    private static final LmsFixture.Lms GOOGLE = LmsFixture.Lms.named("google");


    /**
     * One transient fault and what its retries must show.
     *
     * @param count     how many requests in a row get it (fewer than the attempts)
     * @param throttle  the engine must count it as a throttled reply
     * @param minGapMs  the retry must not come sooner (a Retry-After to honour)
     * @param page      the page of the root listing it hits: 0 the first, 1 the second
     * @param only      the LMSs it makes sense for
     */
    record Transient(String name, Supplier<Fault> fault, int count, boolean throttle, long minGapMs,
                     Map<String, String> config, int page, Set<LmsFixture.Lms> only) {
        static Transient of(String name, Supplier<Fault> fault, int count) {
            return new Transient(name, fault, count, false, 0, Map.of(), 0, Set.copyOf(LmsFixture.Lms.all()));
        }

        Transient throttled(long minGapMs) {
            return new Transient(name, fault, count, true, minGapMs, config, page, only);
        }

        Transient with(String key, String value) {
            Map<String, String> c = new HashMap<>(config);
            c.put(key, value);
            return new Transient(name, fault, count, throttle, minGapMs, Map.copyOf(c), page, only);
        }

        Transient onSecondPage() {
            return new Transient(name, fault, count, throttle, minGapMs, config, 1, only);
        }

        Transient only(LmsFixture.Lms lms) {
            return new Transient(name, fault, count, throttle, minGapMs, config, page, Set.of(lms));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Transient> FAULTS = List.of(
            Transient.of("429 Retry-After seconds", () -> Fault.tooManyRequestsRetryAfterSeconds(1), 1).throttled(1000),
            // an HTTP-date has whole seconds: now + 2 s names a moment at least 1 s ahead
            Transient.of("429 Retry-After date", () -> Fault.tooManyRequestsRetryAfterDate(Duration.ofSeconds(2)), 1).throttled(800),
            Transient.of("429 no Retry-After", Fault::tooManyRequests, 2).throttled(0),
            Transient.of("403 Rate Limit Exceeded", () -> Fault.forbiddenText("403 Forbidden (Rate Limit Exceeded)\n"), 2)
                    .throttled(0).only(CANVAS),
            Transient.of("500", () -> Fault.serverError(500), 2),
            Transient.of("502", () -> Fault.serverError(502), 2),
            Transient.of("503", () -> Fault.serverError(503), 2),
            Transient.of("504", () -> Fault.serverError(504), 2),
            Transient.of("reset before headers", Fault::resetBeforeHeaders, 2),
            Transient.of("reset mid-body", Fault::resetMidBody, 2),
            // lms.http.timeout-seconds is the read timeout: a reply stalled past it is a failed attempt
            Transient.of("read stalled past the timeout", () -> Fault.stall(Duration.ofMillis(1400)), 1)
                    .with("lms.http.timeout-seconds", "1"),
            Transient.of("truncated JSON", Fault::truncatedJson, 2),
            // mid-run: the token has served page one; it expires as page two is asked for
            Transient.of("access token expired mid-run", Fault::expireCredentials, 1).onSecondPage().only(GOOGLE));

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (LmsFixture.Lms lms : LmsFixture.Lms.all()) {
            for (Transient t : FAULTS) {
                if (t.only().contains(lms)) {
                    out.add(Arguments.of(lms, t));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void aTransientFaultIsRetriedAndTheTablesEqualTheSimulator(LmsFixture.Lms which, Transient t) throws Exception {
        start(which);
        config.putAll(t.config());
        Faults.Rule rule = onRoot(t.page(), t.count(), t.fault().get());
        int code = sync();
        awaitLogged(rule);

        Checks checks = new Checks().equal(0, code, "exit code (" + lastErr.strip() + ")");
        checks.equal(t.count(), rule.fired(), "faults injected");
        storedEqualsTruth(checks);
        List<RequestLog.Entry> root = rootRequests();
        // Only the faulted page is asked again, once per fault: no extra request anywhere in the listing.
        Map<String, Integer> perPage = new TreeMap<>();
        Map<String, Integer> faultedPerPage = new TreeMap<>();
        root.forEach(e -> perPage.merge(page(e), 1, Integer::sum));
        root.stream().filter(e -> e.fault() != null).forEach(e -> faultedPerPage.merge(page(e), 1, Integer::sum));
        perPage.forEach((page, n) -> checks.equal(1 + faultedPerPage.getOrDefault(page, 0), n, "requests for page '" + page + "'"));
        checks.equal(Map.of(page(root.get(t.page())), t.count()), faultedPerPage, "the faults hit page " + (t.page() + 1));
        Map<String, Object> run = resourceRun(lms.root());
        checks.equal("succeeded", run.get("status"), "status of " + lms.root());
        checks.equal((long) t.count(), num(run.get("retries")), "retries counted");
        checks.equal(t.throttle() ? (long) t.count() : 0L, num(run.get("throttled")), "throttled replies counted");
        if (t.minGapMs() > 0) {
            long gap = Duration.between(root.get(0).received(), root.get(1).received()).toMillis();
            long waited = num(run.get("throttle_wait_ms"));
            checks.expect(gap >= t.minGapMs(), "the retry came " + gap + " ms after the throttle, before its Retry-After");
            checks.expect(waited > 0 && waited <= gap + 50, "the wait is recorded: " + waited + " ms of the " + gap + " ms gap");
            checks.equal(waited, num(run.get("retry_wait_ms")), "retry_wait_ms holds the throttled wait");
        }
        checks.recordAndAssert(SuiteLedger.FAULTS, lms.lms() + " " + t.name(), rule.fired());
    }

    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void aFaultThatNeverEndsCostsExactlyMaxAttemptsAndItsWaitsAreRecorded(LmsFixture.Lms which) throws Exception {
        start(which);
        // waits of up to 200, 400, 800 ms: long enough to see, short enough for the suite
        config.put("lms.http.backoff-base-millis", "200");
        Faults.Rule rule = onRoot(-1, Fault.serverError(503));
        int code = sync();

        Checks checks = new Checks().equal(1, code, "exit code");
        List<RequestLog.Entry> root = rootRequests();
        checks.equal(MAX_ATTEMPTS, root.size(), "requests for the first page (lms.http.max-attempts)");
        checks.equal(MAX_ATTEMPTS, rule.fired(), "faults injected");
        Map<String, Object> run = resourceRun(lms.root());
        checks.equal("failed", run.get("status"), "status of " + lms.root());
        checks.expect(String.valueOf(run.get("error")).contains("HTTP 503")
                && String.valueOf(run.get("error")).contains("gave up after " + MAX_ATTEMPTS + " attempts"), "error: " + run.get("error"));
        checks.equal((long) MAX_ATTEMPTS - 1, num(run.get("retries")), "retries counted");
        long waited = num(run.get("retry_wait_ms"));
        long span = root.size() < 2 ? 0 : Duration.between(root.get(0).received(), root.get(root.size() - 1).received()).toMillis();
        checks.expect(waited > 0 && waited <= span + 50, "recorded waits " + waited + " ms within the " + span + " ms the retries took");
        Map<String, Object> lmsRun = query("SELECT * FROM sync_runs").get(0);
        checks.equal("failed", lmsRun.get("status"), "sync_runs.status");
        checks.equal(waited, num(lmsRun.get("retry_wait_ms")), "sync_runs.retry_wait_ms");
        // the independent resource went on
        checks.equal("succeeded", resourceRun(lms.otherRoot()).get("status"), "status of " + lms.otherRoot());
        LmsFixture.Table other = truth(lms.otherRoot());
        checks.expect(other.rows().equals(stored(other, checks)), other.table() + " differs from the simulator");
        checks.recordAndAssert(SuiteLedger.FAULTS, lms.lms() + " 503 never ends: max-attempts requests", rule.fired());
    }

    @Test
    void aDbMadeBeforeRetryWaitsWereRecordedGetsTheColumn() throws Exception {
        start(LmsFixture.Lms.named("schoology"));
        exec("CREATE TABLE sync_runs (run_id " + org.lmssync.TestDb.autoId() + ", lms TEXT NOT NULL, command TEXT NOT NULL,"
                + " started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, requests INTEGER NOT NULL DEFAULT 0,"
                + " retries INTEGER NOT NULL DEFAULT 0, throttled INTEGER NOT NULL DEFAULT 0, throttle_wait_ms INTEGER NOT NULL DEFAULT 0,"
                + " pages INTEGER NOT NULL DEFAULT 0, records INTEGER NOT NULL DEFAULT 0, inserted INTEGER NOT NULL DEFAULT 0,"
                + " updated INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,"
                + " errors INTEGER NOT NULL DEFAULT 0)");
        exec("INSERT INTO sync_runs (lms, command, started_at, finished_at, status) VALUES ('schoology', 'once', 'x', 'y', 'succeeded')");
        config.put("lms.http.backoff-base-millis", "100");
        onRoot(2, Fault.serverError(502));
        assertEquals(0, sync(), lastErr);
        List<Map<String, Object>> runs = query("SELECT retries, retry_wait_ms FROM sync_runs ORDER BY run_id");
        assertEquals(0L, num(runs.get(0).get("retry_wait_ms")), "the old run reads 0");
        assertEquals(2L, num(runs.get(1).get("retries")));
        assertEquals(num(resourceRun(lms.root()).get("retry_wait_ms")), num(runs.get(1).get("retry_wait_ms")));
    }

    /** A stalled reply is logged when the simulator finally sends it, after the client gave up on it. */
    private void awaitLogged(Faults.Rule rule) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lms.requestLog().count(e -> e.fault() != null) < rule.fired() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** A page's identity in the log: its query without per-request signing parameters. */
    private static String page(RequestLog.Entry e) {
        Map<String, List<String>> p = new TreeMap<>(e.params());
        p.keySet().removeIf(k -> k.startsWith("oauth_"));
        return p.toString();
    }
}
