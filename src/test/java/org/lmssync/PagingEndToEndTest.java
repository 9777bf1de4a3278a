package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;

/** Each paging kind end to end: real routes, real HTTP on loopback, a real SQLite file. */
class PagingEndToEndTest extends SyncTestSupport {

    @Test
    void linkHeaderPagingStoresEveryRecordWithTheMinimumRequests() throws Exception {
        api.put("items", TestApi.records("a", 0, 25));
        assertEquals(0, once("items_link"), lastErr + lastOut);
        assertEquals(25, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        assertEquals(3, api.count("/link/items"));
        assertEquals(25, scalar("SELECT COUNT(DISTINCT id) FROM testlms_items_link"));
        assertEquals(25, lastResourceRun("items_link").get("inserted"));
    }
}
