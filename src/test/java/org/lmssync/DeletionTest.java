package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;
import org.lmssync.testapi.TestApi.Reply;

/** Deletion marking from complete listings: guard, un-deletion, failed listings, cascades. */
class DeletionTest extends SyncTestSupport {

    @Test
    void rowsMissingFromACompleteListingAreMarkedAndComeBackWhenTheyReturn() throws Exception {
        api.put("items", TestApi.records("a", 0, 20));
        assertEquals(0, once("items_link"));
        List<ObjectNode> fewer = new ArrayList<>(TestApi.records("a", 0, 20));
        fewer.remove(19);
        fewer.remove(5);
        api.put("items", fewer);
        assertEquals(0, once("items_link"));
        assertEquals(2, lastResourceRun("items_link").get("deleted"));
        assertNotNull(deletedAt("a5"));
        assertNotNull(deletedAt("a19"));
        assertNull(deletedAt("a4"));

        api.put("items", TestApi.records("a", 0, 19));
        assertEquals(0, once("items_link"));
        assertNull(deletedAt("a5"));
        assertNotNull(deletedAt("a19"));
        assertEquals(1, lastResourceRun("items_link").get("updated"));
    }

    @Test
    void theGuardStopsAListingThatLostMostOfItsScope() throws Exception {
        api.put("items", TestApi.records("a", 0, 20));
        assertEquals(0, once("items_link"));
        api.put("items", TestApi.records("a", 0, 5));
        assertEquals(1, once("items_link"), "a delete-guard warning is an error: exit 1");
        assertEquals(0, scalar("SELECT COUNT(*) FROM testlms_items_link WHERE deleted_at IS NOT NULL"));
        assertEquals(1, scalar("SELECT COUNT(*) FROM sync_errors WHERE reason LIKE 'delete guard%'"));
    }

    @Test
    void aListingThatFailsPartWayMarksNothing() throws Exception {
        config.put("lms.http.max-attempts", "2");
        api.put("items", TestApi.records("a", 0, 30));
        assertEquals(0, once("items_link"));
        api.put("items", TestApi.records("a", 0, 25));
        // page 1 is served, page 2 fails for good
        api.script("/link/items", Reply.PASS, Reply.status(500), Reply.status(500));
        assertEquals(1, once("items_link"));
        assertEquals(10, lastResourceRun("items_link").get("records"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM testlms_items_link WHERE deleted_at IS NOT NULL"));
        // the next run resumes at page 2 and, its pass now complete, marks the five that are gone
        api.clearLog();
        assertEquals(0, once("items_link"), lastErr);
        assertEquals("2", api.requests().get(0).query().get("page"));
        assertEquals(5, scalar("SELECT COUNT(*) FROM testlms_items_link WHERE deleted_at IS NOT NULL"));
    }

    @Test
    void aDeletedParentTakesItsChildrensScopesWithIt() throws Exception {
        api.put("courses", TestApi.records("c", 0, 3));
        for (int c = 0; c < 3; c++) {
            api.put("courses/c" + c + "/students", TestApi.records("s", 0, 4));
        }
        assertEquals(0, once("courses", "students"), lastErr);
        assertEquals(12, scalar("SELECT COUNT(*) FROM testlms_students"));
        assertEquals(3, api.count("/link/courses/"));

        api.put("courses", TestApi.records("c", 0, 2));
        api.clearLog();
        assertEquals(0, once("courses", "students"), lastErr);
        assertNotNull(query("SELECT deleted_at FROM testlms_courses WHERE id = 'c2'").get(0).get("deleted_at"));
        assertEquals(4, scalar("SELECT COUNT(*) FROM testlms_students WHERE course_id = 'c2' AND deleted_at IS NOT NULL"));
        assertEquals(8, scalar("SELECT COUNT(*) FROM testlms_students WHERE deleted_at IS NULL"));
        // the deleted course is no longer listed
        assertEquals(0, api.count("/link/courses/c2/"));
    }

    private Object deletedAt(String id) throws Exception {
        return query("SELECT deleted_at FROM testlms_items_link WHERE id = '" + id + "'").get(0).get("deleted_at");
    }
}
