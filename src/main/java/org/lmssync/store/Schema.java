package org.lmssync.store;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** DDL of the sync DB. Names that come from YAML are checked by {@link #identifier} before use. */
public final class Schema {
    /** Lower-case snake_case, starting with a letter: nothing SQL could read as anything else. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** Columns every resource table has besides its identity columns. */
    public static final List<String> STANDARD_COLUMNS = List.of("scope", "json", "json_hash", "create_date",
            "last_modified_date", "source_create_date", "source_last_modified_date", "import_date",
            "as_of_date", "deleted_at", "retired_at", "run_id");

    /** PostgreSQL's limit on a name: a longer one is cut silently, so two long index names could collide. */
    static final int MAX_NAME = 63;

    private static final List<String> BOOKKEEPING = List.of("""
            CREATE TABLE IF NOT EXISTS sync_runs (
              run_id {auto_id},
              lms TEXT NOT NULL, command TEXT NOT NULL,
              started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL,
              requests INTEGER NOT NULL DEFAULT 0, retries INTEGER NOT NULL DEFAULT 0,
              throttled INTEGER NOT NULL DEFAULT 0, throttle_wait_ms INTEGER NOT NULL DEFAULT 0,
              pages INTEGER NOT NULL DEFAULT 0, records INTEGER NOT NULL DEFAULT 0,
              inserted INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
              unchanged INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,
              errors INTEGER NOT NULL DEFAULT 0, retry_wait_ms INTEGER NOT NULL DEFAULT 0)""", """
            CREATE TABLE IF NOT EXISTS sync_run_resources (
              run_id INTEGER NOT NULL, resource TEXT NOT NULL, status TEXT NOT NULL,
              started_at TEXT NOT NULL, finished_at TEXT,
              requests INTEGER NOT NULL DEFAULT 0, retries INTEGER NOT NULL DEFAULT 0,
              throttled INTEGER NOT NULL DEFAULT 0, throttle_wait_ms INTEGER NOT NULL DEFAULT 0,
              pages INTEGER NOT NULL DEFAULT 0, records INTEGER NOT NULL DEFAULT 0,
              inserted INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
              unchanged INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,
              errors INTEGER NOT NULL DEFAULT 0, error TEXT, retry_wait_ms INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (run_id, resource))""", """
            CREATE TABLE IF NOT EXISTS sync_state (
              lms TEXT NOT NULL, resource TEXT NOT NULL, scope TEXT NOT NULL,
              next_page TEXT,
              pass_run_id INTEGER,
              pass_full INTEGER NOT NULL DEFAULT 0,
              window_start TEXT, window_end TEXT,
              pending_watermark TEXT,
              watermark TEXT,
              last_as_of_date TEXT,
              last_full_pass_at TEXT,
              updated_at TEXT NOT NULL,
              pass_rejected INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (lms, resource, scope))""", """
            CREATE TABLE IF NOT EXISTS sync_errors (
              error_id {auto_id},
              run_id INTEGER, lms TEXT NOT NULL, resource TEXT NOT NULL, scope TEXT,
              url TEXT, reason TEXT NOT NULL, payload TEXT, created_at TEXT NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS sync_errors_run ON sync_errors(run_id)");

    private Schema() {
    }

    /** The bookkeeping tables' DDL in {@code dialect}. */
    static List<String> bookkeeping(Dialect dialect) {
        return BOOKKEEPING.stream().map(ddl -> ddl.replace("{auto_id}", dialect.autoId())).toList();
    }

    /**
     * Creates (or upgrades) a resource table and its indexes, inside the caller's transaction;
     * on PostgreSQL under a lock, since two nodes may start at once.
     */
    public static void createResourceTable(java.sql.Connection c, String table, List<String> identity)
            throws java.sql.SQLException {
        Dialect dialect = Dialect.of(c);
        dialect.lockForDdl(c);
        try (java.sql.Statement st = c.createStatement()) {
            for (String ddl : resourceTable(dialect, table, identity)) {
                st.execute(ddl);
            }
        }
        upgradeResourceTable(c, dialect, table);
    }

    /**
     * An index name of at most {@link #MAX_NAME} characters: a longer one keeps its start and ends
     * in a hash of the whole, so that names which differ only past the limit stay different.
     */
    static String indexName(String table, String suffix) {
        String name = table + "_" + suffix;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode() | 0x10000000);
        return name.substring(0, MAX_NAME - hash.length() - 1) + "_" + hash;
    }

    public static String identifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name
                    + "' is not a valid name: use lower-case letters, digits and _ (starting with a letter, at most 63)");
        }
        return name;
    }

    /**
     * Adds the columns that bookkeeping tables made by an older version lack: {@code retry_wait_ms}
     * (non-throttle waits) and {@code sync_state.pass_rejected} (records a pass could not store).
     */
    static void upgradeBookkeeping(java.sql.Connection c, Dialect dialect) throws java.sql.SQLException {
        for (String table : List.of("sync_runs", "sync_run_resources")) {
            addColumnIfMissing(c, dialect, table, "retry_wait_ms", "INTEGER NOT NULL DEFAULT 0");
        }
        addColumnIfMissing(c, dialect, "sync_state", "pass_rejected", "INTEGER NOT NULL DEFAULT 0");
    }

    private static void addColumnIfMissing(java.sql.Connection c, Dialect dialect, String table, String column, String type)
            throws java.sql.SQLException {
        if (!dialect.hasColumn(c, table, column)) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
            }
        }
    }

    /** Adds the standard columns a resource table made by an older version lacks ({@code retired_at}). */
    private static void upgradeResourceTable(java.sql.Connection c, Dialect dialect, String table) throws java.sql.SQLException {
        addColumnIfMissing(c, dialect, identifier("table", table), "retired_at", "TEXT");
    }

    /** DDL for one resource table and its two indexes: identity (for the scoped dedupe) and scope. */
    static List<String> resourceTable(Dialect dialect, String table, List<String> identity) {
        identifier("table", table);
        StringBuilder cols = new StringBuilder();
        for (String c : identity) {
            dialect.checkColumn(table, c);
            if (!STANDARD_COLUMNS.contains(identifier("identity column", c))) {
                cols.append(c).append(" TEXT NOT NULL, ");
            }
        }
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE IF NOT EXISTS " + table + " (" + cols
                + "scope TEXT NOT NULL, json TEXT NOT NULL, json_hash TEXT NOT NULL,"
                + " create_date TEXT NOT NULL, last_modified_date TEXT NOT NULL,"
                + " source_create_date TEXT, source_last_modified_date TEXT,"
                + " import_date TEXT NOT NULL, as_of_date TEXT, deleted_at TEXT, run_id INTEGER NOT NULL, retired_at TEXT"
                + dialect.rowIdColumn() + ")");
        ddl.add("CREATE INDEX IF NOT EXISTS " + indexName(table, "identity") + " ON " + table + " ("
                + String.join(", ", identity) + ")");
        ddl.add("CREATE INDEX IF NOT EXISTS " + indexName(table, "scope") + " ON " + table + " (scope, run_id)");
        return ddl;
    }
}
