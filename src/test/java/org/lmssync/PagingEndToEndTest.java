package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;

/** Each paging kind end to end, with its edge cases: real routes, real HTTP, a real SQLite file. */
class PagingEndToEndTest extends SyncTestSupport {

    @Test
    void linkHeaderPagingStoresEveryRecordWithTheMinimumRequests() throws Exception {
        api.put("items", TestApi.records("a", 0, 25));
        assertEquals(0, once("items_link"), lastErr + lastOut);
        assertEquals(25, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        assertEquals(3, api.count("/link/items"));
        assertEquals(25, lastResourceRun("items_link").get("inserted"));
        assertEquals("10", api.requests().get(0).query().get("per_page"));
    }

    @Test
    void tokenPagingFollowsNextPageTokenAndStopsWhenItIsAbsent() throws Exception {
        api.put("items", TestApi.records("t", 0, 25));
        assertEquals(0, once("items_token"), lastErr);
        assertEquals(25, scalar("SELECT COUNT(*) FROM testlms_items_token"));
        List<TestApi.Request> reqs = api.requests();
        assertEquals(3, reqs.size());
        assertEquals(null, reqs.get(0).query().get("pageToken"));
        assertEquals("t10", reqs.get(1).query().get("pageToken"));
        assertEquals("t20", reqs.get(2).query().get("pageToken"));
    }

    @Test
    void offsetPagingFollowsLinksNextAndReadsEscapedSlashesAndStringTotals() throws Exception {
        api.put("items", TestApi.records("o/", 0, 25));
        assertEquals(0, once("items_offset"), lastErr);
        assertEquals(3, api.count("/offset/items"));
        assertEquals(java.util.Arrays.asList(null, "10", "20"), api.requests().stream().map(r -> r.query().get("start")).toList());
        // the record is stored exactly as sent, escapes included; its identity is read unescaped
        Map<String, Object> row = query("SELECT id, json FROM testlms_items_offset WHERE id = 'o/3'").get(0);
        assertTrue(row.get("json").toString().contains("\"o\\/3\""), row.toString());
    }

    @Test
    void anEmptyLastPageEndsTheListing() throws Exception {
        api.put("items", TestApi.records("t", 0, 20));
        api.emptyPageAtEnd(true);
        assertEquals(0, once("items_token"), lastErr);
        // 20 records in pages of 10: the second page still carries a token, the third is {}
        assertEquals(3, api.count("/token/items"));
        assertEquals(20, scalar("SELECT COUNT(*) FROM testlms_items_token"));
    }

    @Test
    void aPagePastTheEndAnsweringAnEmptyArrayEndsTheListing() throws Exception {
        api.put("items", TestApi.records("a", 0, 20));
        api.emptyPageAtEnd(true);
        assertEquals(0, once("items_link"), lastErr);
        assertEquals(3, api.count("/link/items"));
        assertEquals(20, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        assertEquals("succeeded", lastResourceRun("items_link").get("status"));
    }

    @Test
    void shortPagesAreFollowedUntilTheCursorEnds() throws Exception {
        api.put("items", TestApi.records("a", 0, 25));
        api.maxPageSize(7);
        assertEquals(0, once("items_link"), lastErr);
        assertEquals(4, api.count("/link/items"));
        assertEquals(25, scalar("SELECT COUNT(*) FROM testlms_items_link"));
    }

    @Test
    void aMissingListFieldIsAnEmptyPage() throws Exception {
        api.put("items", List.of());
        assertEquals(0, once("items_token"), lastErr);
        assertEquals(1, api.count("/token/items"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM testlms_items_token"));
        assertEquals("succeeded", lastResourceRun("items_token").get("status"));
    }

    @Test
    void aNextLinkRepeatingTheCurrentPageStopsAndIsReported() throws Exception {
        api.put("items", TestApi.records("a", 0, 25));
        api.loopNextLink(true);
        assertEquals(1, once("items_link"));
        // the first URL is ours (no page=); the second is the API's page=1, whose next is itself
        assertEquals(2, api.count("/link/items"));
        assertEquals(10, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        Map<String, Object> run = lastResourceRun("items_link");
        assertEquals("failed", run.get("status"));
        assertTrue(run.get("error").toString().contains("paging loop"), run.toString());
        assertEquals(1, scalar("SELECT COUNT(*) FROM sync_errors WHERE reason LIKE 'paging loop%'"));
    }

    @Test
    void aRepeatingPageTokenIsALoopToo() throws Exception {
        api.put("items", TestApi.records("t", 0, 25));
        api.loopNextLink(true);
        assertEquals(1, once("items_token"));
        assertEquals(2, api.count("/token/items"));
        assertTrue(lastResourceRun("items_token").get("error").toString().contains("paging loop"));
    }

    @Test
    void aLoopMarksNothingDeleted() throws Exception {
        api.put("items", TestApi.records("a", 0, 25));
        assertEquals(0, once("items_link"));
        api.loopNextLink(true);
        assertEquals(1, once("items_link"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM testlms_items_link WHERE deleted_at IS NOT NULL"));
    }

    @Test
    void aResumePointTheApiRejectsRestartsTheListingFromItsFirstPage() throws Exception {
        api.put("items", TestApi.records("t", 0, 25));
        assertEquals(0, once("items_token"), lastErr);
        // as if a run had stopped mid-listing and its page token has since expired
        exec("UPDATE sync_state SET next_page = '" + api.baseUrl() + "/token/items?pageSize=10&pageToken=expired',"
                + " pass_run_id = 1 WHERE resource = 'items_token'");
        api.clearLog();
        assertEquals(0, once("items_token"), lastErr);
        List<TestApi.Request> r = api.requests();
        assertEquals(400, r.get(0).status());
        assertEquals(null, r.get(1).query().get("pageToken"));
        assertEquals(4, r.size());
        assertEquals(25, scalar("SELECT COUNT(*) FROM testlms_items_token WHERE deleted_at IS NULL"));
        assertEquals("succeeded", lastResourceRun("items_token").get("status"));
    }

    @Test
    void statusPrintsTheLatestRunsFromTheDatabase() throws Exception {
        api.put("items", TestApi.records("a", 0, 25));
        assertEquals(0, once("items_link"), lastErr);
        assertEquals(0, run("status"));
        assertTrue(lastOut.contains("testlms"), lastOut);
        String row = lastOut.lines().filter(l -> l.contains("items_link")).findFirst().orElseThrow();
        assertTrue(row.matches(".*succeeded\\s+25\\s+25\\s+0\\s+0\\s+0\\s+3\\s+0\\s+0\\s+0\\s*"), row);
    }
}
