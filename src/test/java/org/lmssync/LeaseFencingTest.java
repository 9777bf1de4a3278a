package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;

/**
 * A run whose LMS lease was taken by another process (as when this node froze past the lease's
 * expiry and another node took over) commits no further page and stops: the page is the unit of
 * fencing.
 */
class LeaseFencingTest extends SyncTestSupport {

    @Test
    void aRunThatLostItsLeaseCommitsNoFurtherPage() throws Exception {
        assumeTrue(TestDb.postgres(), "leases exist on PostgreSQL (the build's postgres pass)");
        api.put("items", TestApi.records("k", 0, 200));
        api.delayMillis(100);
        config.put("lms.testlms.resources", "items_link");
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return once("items_link");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && rows() < 30) {
            Thread.sleep(20);
        }
        // another node takes the lease over
        exec("UPDATE sync_leases SET owner = 'other-node/1', expires_at = clock_timestamp() + interval '1 hour'");
        long atTakeOver = rows();
        int exit = run.get(60, TimeUnit.SECONDS);
        long after = rows();
        assertNotEquals(0, exit, lastErr);
        // a page whose transaction had renewed the lease just before may still commit; no later one
        assertTrue(after <= atTakeOver + 10 && after < 200, atTakeOver + " rows at the take-over, " + after + " after");
        String error = String.valueOf(lastResourceRun("items_link").get("error"));
        assertTrue(error.contains("no longer holds the lease of testlms"), error);
        assertNotEquals("succeeded", query("SELECT status FROM sync_runs ORDER BY run_id DESC LIMIT 1").get(0).get("status"));
    }

    private long rows() {
        try {
            return scalar("SELECT COUNT(*) FROM testlms_items_link");
        } catch (java.sql.SQLException e) {
            return 0; // the table is not made yet
        }
    }
}
