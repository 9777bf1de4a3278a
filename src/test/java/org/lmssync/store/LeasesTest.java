package org.lmssync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmssync.TestDb;

/** The run lease's SQL on a real PostgreSQL server: who may take it, renew it, and when. */
class LeasesTest {
    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void table() throws Exception {
        assumeTrue(TestDb.postgres(), "leases exist on PostgreSQL (the build's postgres pass)");
        db = dir.resolve("db");
        try (Connection c = TestDb.connect(db)) {
            Leases.create(c);
        }
    }

    @Test
    void aHeldLeaseIsRefusedToAnotherOwnerUntilItExpires() throws Exception {
        try (Connection c = TestDb.connect(db)) {
            assertTrue(Leases.acquire(c, "canvas", "node-a/1", 30, false));
            assertFalse(Leases.acquire(c, "canvas", "node-b/2", 30, false), "held and not expired");
            assertTrue(Leases.acquire(c, "google", "node-b/2", 30, false), "another LMS is another lease");
            expire(c, "canvas");
            assertTrue(Leases.acquire(c, "canvas", "node-b/2", 30, false), "expired");
            assertEquals("node-b/2", Leases.holder(c, "canvas").orElseThrow().owner());
        }
    }

    @Test
    void aHolderWhoseSessionEndedLosesTheLeaseAtOnce() throws Exception {
        try (Connection c = TestDb.connect(db); Connection first = TestDb.connect(db); Connection second = TestDb.connect(db)) {
            assertTrue(Leases.lockSession(first, "canvas"));
            assertTrue(Leases.acquire(c, "canvas", "node-a/1", 30, true));
            assertFalse(Leases.lockSession(second, "canvas"), "the holder's session is alive");
            first.close();
            assertTrue(lockOnceReleased(second, "canvas"), "the holder's session ended with its process");
            assertTrue(Leases.acquire(c, "canvas", "node-b/2", 30, true));
            assertEquals("node-b/2", Leases.holder(c, "canvas").orElseThrow().owner());
        }
    }

    @Test
    void renewingALostLeaseFailsSoThePageCommitRollsBack() throws Exception {
        try (Connection c = TestDb.connect(db)) {
            assertTrue(Leases.acquire(c, "canvas", "node-a/1", 30, false));
            Leases.renew(c, "canvas", "node-a/1", 30);
            expire(c, "canvas");
            assertThrows(Leases.LeaseLost.class, () -> Leases.renew(c, "canvas", "node-a/1", 30), "expired");
            assertTrue(Leases.acquire(c, "canvas", "node-b/2", 30, false));
            assertThrows(Leases.LeaseLost.class, () -> Leases.renew(c, "canvas", "node-a/1", 30), "taken by another");
            Leases.release(c, "canvas", "node-a/1");
            assertEquals("node-b/2", Leases.holder(c, "canvas").orElseThrow().owner(), "only the owner releases it");
            Leases.release(c, "canvas", "node-b/2");
            assertTrue(Leases.holder(c, "canvas").isEmpty());
        }
    }

    /**
     * The server releases a closed session's advisory locks when its backend exits, a moment after
     * the client's close returns; a node taking over retries on its next trigger, the test polls.
     */
    private static boolean lockOnceReleased(Connection session, String lms) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Leases.lockSession(session, lms)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void expire(Connection c, String lms) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("UPDATE sync_leases SET expires_at = clock_timestamp() - interval '1 second' WHERE lms = '" + lms + "'");
        }
    }
}
