package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;

/** Watermark resources page newest first and stop at the stored watermark; full passes when due. */
class WatermarkTest extends SyncTestSupport {

    @Test
    void theSecondRunStopsAtTheWatermarkAndAFullPassComesWhenDue() throws Exception {
        List<ObjectNode> work = TestApi.records("w", 0, 30);
        api.put("work", work);
        assertEquals(0, once("work"), lastErr);
        assertEquals(3, api.count("/token/work"));
        assertEquals("updated desc", api.requests().get(0).query().get("orderBy"));
        assertEquals("2026-09-28T10:00:00.000Z",
                query("SELECT watermark FROM sync_state WHERE resource = 'work'").get(0).get("watermark"));

        api.clearLog();
        assertEquals(0, once("work"), lastErr);
        assertEquals(1, api.count("/token/work"));

        api.clearLog();
        work.get(4).put("updated", "2026-10-02T08:00:00Z").put("name", "edited");
        assertEquals(0, once("work"), lastErr);
        assertEquals(1, api.count("/token/work"));
        assertEquals(1, lastResourceRun("work").get("updated"));
        assertEquals("2026-10-02T08:00:00.000Z",
                query("SELECT watermark FROM sync_state WHERE resource = 'work'").get(0).get("watermark"));

        // a deletion is only seen by a full pass, which comes when the last one is too old
        api.put("work", work.subList(0, 29));
        exec("UPDATE sync_state SET last_full_pass_at = '2026-01-01T00:00:00.000Z' WHERE resource = 'work'");
        api.clearLog();
        assertEquals(0, once("work"), lastErr);
        assertEquals(3, api.count("/token/work"));
        assertEquals(1, lastResourceRun("work").get("deleted"));
    }

    @Test
    void incrementalQueriesListOncePerFilterFromTheLatestOfSeveralFields() throws Exception {
        List<ObjectNode> subs = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ObjectNode r = TestApi.JSON.createObjectNode().put("id", "s" + i)
                    .put("submitted_at", String.format("2026-10-%02dT09:00:00Z", 1 + i % 20));
            if (i == 7) {
                r.put("graded_at", "2026-11-02T12:00:00Z");
            }
            subs.add(r);
        }
        api.put("graded", subs);
        assertEquals(0, once("graded"), lastErr);
        assertEquals(3, api.count("/link/graded"));
        assertEquals(null, api.requests().get(0).query().get("submitted_since"));
        assertEquals("2026-11-02T12:00:00.000Z",
                query("SELECT watermark FROM sync_state WHERE resource = 'graded' AND scope = ''").get(0).get("watermark"));

        api.clearLog();
        assertEquals(0, once("graded"), lastErr);
        List<TestApi.Request> r = api.requests().stream().filter(x -> x.query().get("page") == null).toList();
        assertEquals(2, r.size());
        assertEquals("2026-11-02T12:00:00.000Z", r.get(0).query().get("submitted_since"));
        assertEquals("2026-11-02T12:00:00.000Z", r.get(1).query().get("graded_since"));
        assertEquals(0, lastResourceRun("graded").get("deleted"));
    }
}
