package org.lmssync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.lmssync.TestDb;

/**
 * The kind of sync DB a bench run stores into ({@code -Dbench.db}). A bench names each DB by a
 * path, as the tests do; on PostgreSQL {@link TestDb} maps the path to a fresh database on its
 * embedded server (or on {@code LMS_TEST_PG_URL}), so the sync, the ceiling and the bench's own
 * reads meet in the same database.
 */
enum BenchDb {
    SQLITE("SQLite", "rowid"),
    POSTGRES("PostgreSQL", "row_seq");

    private final String label;
    private final String rowId;

    BenchDb(String label, String rowId) {
        this.label = label;
        this.rowId = rowId;
    }

    /** {@code sqlite} or {@code postgres}, as {@code -Dbench.db} lists them. */
    static BenchDb of(String name) {
        return switch (name) {
            case "sqlite" -> SQLITE;
            case "postgres", "postgresql" -> POSTGRES;
            default -> throw new IllegalArgumentException("bench.db: '" + name + "' is neither sqlite nor postgres");
        };
    }

    String label() {
        return label;
    }

    /** The column that orders rows by insertion (the dedupe references use it). */
    String rowId() {
        return rowId;
    }

    /** The {@code lms.db.*} keys that point the app (or the ceiling) at {@code db}. */
    Map<String, String> settings(Path db) {
        return TestDb.settings(db, this == POSTGRES);
    }

    Connection connect(Path db) throws SQLException {
        return TestDb.connect(db, this == POSTGRES);
    }

    /**
     * The server's version and the settings that decide what a commit costs, for the log: the
     * embedded server's are its defaults (zonky's), not a tuned production server's.
     */
    String describe(Path probe) throws IOException, SQLException {
        if (this == SQLITE) {
            return "SQLite (WAL, synchronous=NORMAL, as the app opens it)";
        }
        try (Connection c = connect(probe); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT version(), current_setting('fsync'), current_setting('synchronous_commit'),"
                        + " current_setting('shared_buffers')")) {
            rs.next();
            return rs.getString(1).replaceFirst(" on .*", "") + " (fsync=" + rs.getString(2) + ", synchronous_commit="
                    + rs.getString(3) + ", shared_buffers=" + rs.getString(4) + ")";
        } finally {
            delete(probe);
        }
    }

    /** Removes a DB once measured: the SQLite file with its WAL and lock files, or the PostgreSQL database. */
    void delete(Path db) throws IOException, SQLException {
        if (this == POSTGRES) {
            TestDb.drop(db);
        } else {
            deleteFiles(db);
        }
    }

    /** Deletes a SQLite file with its WAL, shared-memory, journal and lock files. */
    static void deleteFiles(Path db) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal", ".lock"}) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }
}
