package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;

/** The dedupe and the inferred dates over several runs: new, changed, unchanged. */
class DedupeTest extends SyncTestSupport {

    @Test
    void inferredDatesFollowTheContentHash() throws Exception {
        api.put("items", TestApi.records("a", 0, 12));
        assertEquals(0, once("items_link"), lastErr);
        Map<String, Object> first = row("a1");
        Map<String, Object> firstOther = row("a2");
        assertEquals(first.get("create_date"), first.get("last_modified_date"));
        assertEquals("2026-09-02T10:00:00.000Z", first.get("source_last_modified_date"));

        Thread.sleep(5);
        assertEquals(0, once("items_link"), lastErr);
        Map<String, Object> unchanged = row("a1");
        assertEquals(first.get("json"), unchanged.get("json"));
        assertEquals(first.get("create_date"), unchanged.get("create_date"));
        assertEquals(first.get("last_modified_date"), unchanged.get("last_modified_date"));
        assertNotEquals(first.get("run_id"), unchanged.get("run_id"));
        assertNotEquals(first.get("import_date"), unchanged.get("import_date"));
        assertEquals(12, lastResourceRun("items_link").get("unchanged"));

        // a1 changes; a2 comes back with its keys in another order, which is no change
        List<ObjectNode> next = new ArrayList<>(TestApi.records("a", 0, 12));
        next.get(1).put("name", "renamed");
        ObjectNode reordered = TestApi.JSON.createObjectNode();
        reordered.put("updated", next.get(2).get("updated").asText());
        reordered.put("name", next.get(2).get("name").asText());
        reordered.put("id", "a2");
        next.set(2, reordered);
        api.put("items", next);
        Thread.sleep(5);
        assertEquals(0, once("items_link"), lastErr);
        Map<String, Object> changed = row("a1");
        assertEquals(first.get("create_date"), changed.get("create_date"));
        assertNotEquals(first.get("last_modified_date"), changed.get("last_modified_date"));
        assertNotEquals(first.get("json_hash"), changed.get("json_hash"));
        Map<String, Object> other = row("a2");
        assertEquals(firstOther.get("json_hash"), other.get("json_hash"));
        assertEquals(firstOther.get("last_modified_date"), other.get("last_modified_date"));
        assertEquals(1, lastResourceRun("items_link").get("updated"));
        assertEquals(11, lastResourceRun("items_link").get("unchanged"));

        // one row per identity after all of it; the stored JSON is the API's own text, and an
        // unchanged record keeps the text it was first stored with
        assertEquals(12, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM (SELECT id FROM testlms_items_link GROUP BY id HAVING COUNT(*) > 1) AS dup"));
        assertEquals(firstOther.get("json"), other.get("json"));
        assertEquals(TestApi.JSON.writeValueAsString(next.get(1)), changed.get("json"));
    }

    @Test
    void duplicateIdentitiesWithinAPageAreStoredOnce() throws Exception {
        List<ObjectNode> recs = new ArrayList<>(TestApi.records("a", 0, 5));
        ObjectNode dup = recs.get(0).deepCopy();
        dup.put("name", "second copy");
        recs.add(dup);
        api.put("items", recs);
        assertEquals(0, once("items_link"), lastErr);
        assertEquals(5, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        assertEquals("second copy", TestApi.JSON.readTree(row("a0").get("json").toString()).get("name").asText());
    }

    private Map<String, Object> row(String id) throws Exception {
        return query("SELECT * FROM testlms_items_link WHERE id = '" + id + "'").get(0);
    }
}
