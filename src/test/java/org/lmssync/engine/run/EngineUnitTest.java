package org.lmssync.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.page.CanonicalHash;
import org.lmssync.engine.resource.ResourceDefinition;

/** Hashing, Retry-After, backoff, date windows and resource declarations. */
class EngineUnitTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theCanonicalHashIgnoresKeyOrderAndWhitespaceButNotValues() throws Exception {
        String a = CanonicalHash.of(mapper.readTree("{\"a\":1,\"b\":{\"c\":[1,\"2\",null],\"d\":true}}"));
        assertEquals(a, CanonicalHash.of(mapper.readTree("{ \"b\" : {\"d\":true, \"c\":[1,\"2\",null]}, \"a\":1 }")));
        assertNotEquals(a, CanonicalHash.of(mapper.readTree("{\"a\":1,\"b\":{\"c\":[1,2,null],\"d\":true}}")));
        assertNotEquals(CanonicalHash.of(mapper.readTree("{\"a\":\"bc\",\"d\":\"\"}")),
                CanonicalHash.of(mapper.readTree("{\"a\":\"b\",\"d\":\"c\"}")));
        assertEquals(32, a.length());
    }

    @Test
    void theCanonicalHashOfAGivenValueNeverChangesSoStoredRowsStayUnchangedAcrossUpgrades() throws Exception {
        // Computed by the first implementation; a different value would make every stored row look updated.
        assertEquals("70b01d9d4d02a08b0c9edf9019047bc8", CanonicalHash.of(mapper.readTree(
                "{\"id\":7,\"name\":\"Zoë Ünïcode ✓\",\"tags\":[\"a\",1.5,null,true,{\"z\":false,\"b\":[]}],\"empty\":\"\"}")));
        StringBuilder big = new StringBuilder("{\"x\":\"");
        big.append("é".repeat(1 << 20)).append("\"}");
        String once = CanonicalHash.of(mapper.readTree(big.toString()));
        assertEquals(once, CanonicalHash.of(mapper.readTree(big.toString())), "the reused buffer must not leak into the next hash");
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-25T20:00:00Z");
        assertEquals(120_000L, HttpRetry.retryAfterMillis("120", now));
        assertEquals(30_000L, HttpRetry.retryAfterMillis("Wed, 25 Nov 2026 20:00:30 GMT", now));
        assertEquals(0L, HttpRetry.retryAfterMillis("Wed, 25 Nov 2026 19:00:00 GMT", now));
        assertNull(HttpRetry.retryAfterMillis("soon", now));
        assertNull(HttpRetry.retryAfterMillis(null, now));
    }

    @Test
    void backoffIsFullJitterUnderAnExponentialCeilingAndTheCap() {
        Random r = new Random(7);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(10_000, 100L << (attempt - 1));
            long max = 0;
            for (int i = 0; i < 200; i++) {
                long d = HttpRetry.backoff(attempt, 100, 10_000, r);
                assertTrue(d >= 0 && d <= ceiling, attempt + ": " + d);
                max = Math.max(max, d);
            }
            assertTrue(max > ceiling / 2, "attempt " + attempt + " never came near its ceiling");
        }
    }

    @Test
    void dateWindowsSplitACatchUp() {
        assertEquals(List.of(new DateWindow(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)),
                        new DateWindow(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 5))),
                DateWindow.split(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 5), 30));
        assertEquals(List.of(), DateWindow.split(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 1), 30));
    }

    @Test
    void aResourceDeclarationIsCheckedAndExpanded() {
        ResourceDefinition d = ResourceDefinition.fromParameters(params("students", "courses",
                "https://c/v1/courses/{id}/students", "course_id=@parent.id, user_id=userId"));
        assertEquals("testlms_students", d.table());
        assertEquals("https://c/v1/courses/a%2Fb/students?state%5B%5D=x&state%5B%5D=y",
                d.expand(Map.of("id", "a/b")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () ->
                ResourceDefinition.fromParameters(params("students", "", "https://c/x", "id; DROP TABLE x")));
        assertTrue(bad.getMessage().contains("not a valid name"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () ->
                ResourceDefinition.fromParameters(params("Students!", "", "https://c/x", "id")));
        assertThrows(IllegalArgumentException.class, () ->
                ResourceDefinition.fromParameters(params("s", "", "https://c/{id}", "id")));
        assertThrows(IllegalArgumentException.class, () ->
                ResourceDefinition.fromParameters(params("s", "", "file:///etc/passwd", "id")));
    }

    @Test
    void sourceTimesAreNormalisedToUtcMilliseconds() {
        assertEquals("2020-09-14T16:54:01.000Z", Times.normalise("2020-09-14T11:54:01-05:00"));
        assertEquals("2020-04-05T19:41:15.290Z", Times.normalise("2020-04-05T19:41:15.29Z"));
        assertEquals("2020-04-05T19:41:15.123Z", Times.normalise("2020-04-05T19:41:15.123456789Z"));
        assertEquals("2021-01-01T00:00:00.000Z", Times.normalise("1609459200"));
        assertEquals("2022-02-22T17:57:29.000Z", Times.normalise("2022-02-22 11:57:29 -0600".replace(" -0600", "-06:00")));
        assertNull(Times.normalise("yesterday"));
    }

    private static Map<String, Object> params(String resource, String parent, String url, String identity) {
        Map<String, Object> p = new HashMap<>();
        p.put("lms", "testlms");
        p.put("resource", resource);
        p.put("parent", parent);
        p.put("url", url);
        p.put("query", "state[]=x&state[]=y");
        p.put("paging", "link");
        p.put("identity", identity);
        return p;
    }
}
