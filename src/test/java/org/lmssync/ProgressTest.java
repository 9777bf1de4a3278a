package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;

/**
 * The progress of {@code once} when the output is not a terminal: plain lines (no carriage
 * returns or escapes), one per resource at its end plus at most one per resource and 30 s, so
 * 201 listings give a handful of lines; {@code --quiet} prints none. The summary table stays.
 */
class ProgressTest extends SyncTestSupport {

    private void district(int courses) {
        api.put("courses", TestApi.records("c", 0, courses));
        for (int c = 0; c < courses; c++) {
            api.put("courses/c" + c + "/students", TestApi.records("s", 0, 2));
        }
    }

    @Test
    void aPlainLinePerResourceNotPerListing() throws Exception {
        district(200);
        assertEquals(0, once("courses", "students"), lastErr);
        assertEquals(201, scalar("SELECT COUNT(*) FROM sync_state WHERE resource IN ('courses', 'students')"));
        List<String> lines = lastErr.lines().toList();
        assertFalse(lastErr.contains("\r") || lastErr.contains("\033"), lastErr);
        // one outcome line per resource; a periodic line per resource only every 30 s of its run
        List<String> outcomes = lines.stream().filter(l -> l.contains(" succeeded in ")).toList();
        assertEquals(2, outcomes.size(), lastErr);
        assertTrue(outcomes.get(1).startsWith("testlms/students") && outcomes.get(1).contains("200/200 listings")
                && outcomes.get(1).contains("400 records"), lastErr);
        Map<String, Object> span = query("SELECT MIN(started_at) AS a, MAX(finished_at) AS b FROM sync_runs").get(0);
        long seconds = java.time.Duration.between(java.time.Instant.parse((String) span.get("a")),
                java.time.Instant.parse((String) span.get("b"))).toSeconds();
        long expectedAtMost = 2 + 2 * (1 + seconds / 30);
        assertTrue(lines.size() <= expectedAtMost, lines.size() + " lines: " + lastErr);
        assertTrue(lastOut.contains("students") && lastOut.contains("requests"), "the summary table: " + lastOut);
    }

    @Test
    void quietPrintsNoProgress() throws Exception {
        district(5);
        config.put("lms.testlms.resources", "courses,students");
        assertEquals(0, run("once", "--quiet"), lastErr);
        assertEquals("", lastErr);
        assertTrue(lastOut.contains("students"), lastOut);
    }
}
