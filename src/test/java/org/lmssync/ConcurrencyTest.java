package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;
import org.lmssync.testapi.TestApi.Reply;

/**
 * Several listings of one LMS in flight at once, under its one budget: the API's request log
 * shows requests overlapping (at most lms.<lms>.concurrency), never faster than the budget, and a
 * throttle's Retry-After holding back every listing, not only the one that got it.
 */
class ConcurrencyTest extends SyncTestSupport {
    private static final long LATENCY_MS = 150;

    private void district(int courses) {
        api.put("courses", TestApi.records("c", 0, courses));
        for (int c = 0; c < courses; c++) {
            api.put("courses/c" + c + "/students", TestApi.records("s", 0, 3));
        }
        api.delayMillis(LATENCY_MS);
    }

    private List<TestApi.Request> studentRequests() {
        return api.requests().stream().filter(r -> r.path().endsWith("/students"))
                .sorted(Comparator.comparing(TestApi.Request::at)).toList();
    }

    @Test
    void listingsOverlapUpToTheConcurrencyAndNeverExceedTheBudget() throws Exception {
        district(40);
        config.put("lms.testlms.concurrency", "4");
        config.put("lms.testlms.requests-per-second", "20");
        assertEquals(0, once("courses", "students"), lastErr);
        assertEquals(120, scalar("SELECT COUNT(*) FROM testlms_students WHERE deleted_at IS NULL"));
        List<TestApi.Request> all = api.requests().stream().sorted(Comparator.comparing(TestApi.Request::at)).toList();
        int overlap = maxInFlight(studentRequests());
        assertTrue(overlap >= 2 && overlap <= 4, "student listings in flight at once: " + overlap);
        // 20 requests/s: no 1 s window holds more than 20 arrivals (the budget spaces them 50 ms apart)
        for (int i = 0; i + 20 < all.size(); i++) {
            Duration span = Duration.between(all.get(i).at(), all.get(i + 20).at());
            assertTrue(span.toMillis() >= 950, "21 requests within " + span.toMillis() + " ms");
        }
    }

    @Test
    void oneAtATimeKeepsTodaysOrder() throws Exception {
        district(12);
        config.put("lms.testlms.concurrency", "1");
        assertEquals(0, once("courses", "students"), lastErr);
        List<TestApi.Request> students = studentRequests();
        assertEquals(1, maxInFlight(students));
        assertEquals(java.util.stream.IntStream.range(0, 12).mapToObj(c -> "/link/courses/c" + c + "/students").toList(),
                students.stream().map(TestApi.Request::path).toList(), "the parents' order");
    }

    @Test
    void aRetryAfterPausesEveryListingInFlight() throws Exception {
        district(20);
        config.put("lms.testlms.concurrency", "4");
        config.put("lms.testlms.requests-per-second", "50");
        api.script("/link/courses/c5/students", Reply.retryAfter(429, "1"));
        assertEquals(0, once("courses", "students"), lastErr);
        assertEquals(60, scalar("SELECT COUNT(*) FROM testlms_students WHERE deleted_at IS NULL"));
        List<TestApi.Request> all = api.requests();
        TestApi.Request throttled = all.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        TestApi.Request retry = all.stream().filter(r -> r.path().equals(throttled.path()) && r.at().isAfter(throttled.at()))
                .findFirst().orElseThrow();
        assertTrue(Duration.between(throttled.at(), retry.at()).toMillis() >= 1000, "the retry waited its Retry-After");
        // the request pattern, not the clock: between the 429 and its retry, each of the 3 other
        // listings in flight sends at most one request before the client reads the 429 and one when
        // the pause ends, before the retry's turn; without the shared pause they would send about 18
        // (3 listings, 150 ms a request, through the whole second)
        long between = all.stream().filter(r -> r.at().isAfter(throttled.at()) && r.at().isBefore(retry.at())).count();
        assertTrue(between <= 6, between + " requests between the 429 at " + throttled.at() + " and its retry at " + retry.at());
        assertTrue(all.stream().filter(r -> r.at().isAfter(retry.at()) && !r.path().equals(throttled.path())).count() > 0,
                "the other listings went on after the pause");
        assertEquals(1, scalar("SELECT throttled FROM sync_runs"));
    }

    /** The most requests in flight at once, each taking the API's fixed latency. */
    private static int maxInFlight(List<TestApi.Request> sorted) {
        int max = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Instant end = sorted.get(i).at().plusMillis(LATENCY_MS);
            int n = 0;
            for (int j = i; j < sorted.size() && sorted.get(j).at().isBefore(end); j++) {
                n++;
            }
            max = Math.max(max, n);
        }
        return max;
    }
}
