package org.lmssync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads a sync DB after the jar has exited: counts and the last run's own timing. The methods
 * without a {@link BenchDb} read SQLite, the only DB of the product benches (d, e, g).
 */
final class SyncDb {
    private SyncDb() {
    }

    static Connection open(BenchDb kind, Path db) throws SQLException {
        return kind.connect(db);
    }

    static long scalar(Path db, String sql) throws SQLException {
        return scalar(BenchDb.SQLITE, db, sql);
    }

    static long scalar(BenchDb kind, Path db, String sql) throws SQLException {
        try (Connection c = open(kind, db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** A text value, or null when there is no row or it is NULL. */
    static String text(Path db, String sql) throws SQLException {
        try (Connection c = open(BenchDb.SQLITE, db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The last LMS run, as recorded in sync_runs. */
    record LastRun(double seconds, long requests, long inserted, long updated, long throttled) {
    }

    static LastRun lastRun(Path db) throws SQLException {
        return lastRun(BenchDb.SQLITE, db);
    }

    static LastRun lastRun(BenchDb kind, Path db) throws SQLException {
        try (Connection c = open(kind, db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT started_at, finished_at, requests, inserted, updated, throttled FROM sync_runs ORDER BY run_id DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("no sync_runs row in " + db);
            }
            Duration d = Duration.between(Instant.parse(rs.getString(1)), Instant.parse(rs.getString(2)));
            return new LastRun(d.toNanos() / 1e9, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
        }
    }

    /** Deletes a SQLite file with its WAL and shared-memory files. */
    static void delete(Path db) throws IOException {
        BenchDb.deleteFiles(db);
    }
}
