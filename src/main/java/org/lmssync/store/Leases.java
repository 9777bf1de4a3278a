package org.lmssync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The run lease of each LMS on a PostgreSQL sync DB: one row per LMS with its owner (a process of
 * a node) and an expiry, read on the DB's own clock, so nodes whose clocks drift a little still
 * agree. A page commit renews it in the page's transaction; a process that lost it cannot commit.
 * The holder also keeps a session lock on the LMS: when its process dies, the server ends the
 * session and the lock with it, so the lease can be taken at once rather than at its expiry (which
 * still decides for a holder that froze or lost the network with its session left open).
 */
public final class Leases {
    private static final String DDL = "CREATE TABLE IF NOT EXISTS sync_leases (lms TEXT PRIMARY KEY, owner TEXT NOT NULL,"
            + " acquired_at TIMESTAMPTZ NOT NULL, expires_at TIMESTAMPTZ NOT NULL)";

    /** The holder of a lease and until when. */
    public record Holder(String owner, String expiresAt) {
    }

    /** A page commit (or a renewal) by a node that no longer holds the LMS's lease. */
    public static final class LeaseLost extends SQLException {
        public LeaseLost(String lms, String owner) {
            super("node " + owner + " no longer holds the lease of " + lms + " (it expired or another node took it)");
        }
    }

    private Leases() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(DDL);
        }
    }

    /** An arbitrary constant: the first half of the session lock's key, the LMS's name the second. */
    private static final int LOCK_CLASS = 0x4c4d5331;

    /**
     * Takes the session lock of the LMS on {@code session} (a connection of its own, held while the
     * run lasts); false when a live session holds it.
     */
    public static boolean lockSession(Connection session, String lms) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, lms);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Ends the session lock (a pooled connection's session outlives its close). */
    public static void unlockSession(Connection session, String lms) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, lms);
            ps.executeQuery().close();
        }
    }

    /**
     * Takes the lease when it is free or expired, or, with {@code holderGone} (this process got the
     * session lock, so the holder's session has ended), whoever holds it.
     */
    public static boolean acquire(Connection c, String lms, String owner, int seconds, boolean holderGone)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_leases (lms, owner, acquired_at, expires_at)"
                + " VALUES (?, ?, clock_timestamp(), clock_timestamp() + make_interval(secs => ?))"
                + " ON CONFLICT (lms) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at,"
                + " expires_at = excluded.expires_at"
                + " WHERE ? OR sync_leases.expires_at < clock_timestamp()")) {
            ps.setString(1, lms);
            ps.setString(2, owner);
            ps.setInt(3, seconds);
            ps.setBoolean(4, holderGone);
            return ps.executeUpdate() == 1;
        }
    }

    /** Extends {@code owner}'s lease; throws {@link LeaseLost} when it expired or another node holds it. */
    public static void renew(Connection c, String lms, String owner, int seconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_leases SET expires_at = clock_timestamp()"
                + " + make_interval(secs => ?) WHERE lms = ? AND owner = ? AND expires_at >= clock_timestamp()")) {
            ps.setInt(1, seconds);
            ps.setString(2, lms);
            ps.setString(3, owner);
            if (ps.executeUpdate() != 1) {
                throw new LeaseLost(lms, owner);
            }
        }
    }

    public static void release(Connection c, String lms, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_leases WHERE lms = ? AND owner = ?")) {
            ps.setString(1, lms);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    public static Optional<Holder> holder(Connection c, String lms) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, expires_at FROM sync_leases WHERE lms = ?")) {
            ps.setString(1, lms);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Holder(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }
}
