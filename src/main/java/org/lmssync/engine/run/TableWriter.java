package org.lmssync.engine.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.store.Dialect;
import org.lmssync.store.Schema;

/**
 * The SQL of one resource table, prepared once per resource run: identity lookups, append,
 * the scoped dedupe and the touch of unchanged rows; with them the two statements every page's
 * transaction ends with, its listing's state row and the run's progress row (prepared once: on
 * SQLite each prepare parses the statement again; per page, that was about 8% of the writer's time).
 */
public final class TableWriter implements AutoCloseable {

    /** The stored version of an identity. */
    public record Existing(long rowid, String hash, String createDate, String lastModifiedDate, String deletedAt) {
    }

    /** Identities looked up by one statement; a page's last chunk repeats its last identity. */
    static final int LOOKUP_KEYS = 50;

    private final List<String> identity;
    private final PreparedStatement lookup;
    private final PreparedStatement insert;
    private final PreparedStatement maxRowid;
    private final PreparedStatement dedupe;
    private final PreparedStatement touch;
    private final PreparedStatement retire;
    private final PreparedStatement unseen;
    private final PreparedStatement state;
    private final PreparedStatement progress;
    private final Dialect dialect;
    private final String table;
    /** The table's highest row id when its statistics were last refreshed (see {@link Dialect#refreshStatistics}). */
    private long analyzedAt = -1;

    TableWriter(Connection c, ResourceDefinition def) throws SQLException {
        String t = Schema.identifier("table", def.table());
        // The table exists: SyncRunner creates (and upgrades) every table of the LMS before its run.
        identity = def.identityColumns();
        dialect = Dialect.of(c);
        table = t;
        String rowid = dialect.rowId();
        String where = String.join(" = ? AND ", identity) + " = ?";
        // LOOKUP_KEYS identities per statement: a page's lookups are one or two round trips, not one
        // per record (on PostgreSQL each is a round trip to the server); one identity column reads
        // as IN, several as ORs of their equalities, which both DBs answer from the identity index
        String keys = identity.size() == 1
                ? identity.get(0) + " IN (" + "?, ".repeat(LOOKUP_KEYS - 1) + "?)"
                : ("(" + where + ") OR ").repeat(LOOKUP_KEYS - 1) + "(" + where + ")";
        lookup = c.prepareStatement("SELECT " + rowid + ", json_hash, create_date, last_modified_date, deleted_at, "
                + String.join(", ", identity) + " FROM " + t + " WHERE " + keys);
        List<String> columns = new ArrayList<>();
        for (String col : identity) {
            if (!Schema.STANDARD_COLUMNS.contains(col)) {
                columns.add(col);
            }
        }
        columns.addAll(List.of("scope", "json", "json_hash", "create_date", "last_modified_date", "source_create_date",
                "source_last_modified_date", "import_date", "as_of_date", "run_id"));
        insert = c.prepareStatement("INSERT INTO " + t + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)");
        maxRowid = c.prepareStatement("SELECT COALESCE(MAX(" + rowid + "), 0) FROM " + t);
        // The seed's "keep the newest row per identity", scoped to the rows this page appended,
        // so that its cost follows the page and not the table (uses the identity index).
        StringBuilder join = new StringBuilder();
        for (String col : identity) {
            join.append("o.").append(col).append(" = n.").append(col).append(" AND ");
        }
        dedupe = c.prepareStatement("DELETE FROM " + t + " WHERE " + rowid + " IN (SELECT o." + rowid + " FROM " + t
                + " AS n JOIN " + t + " AS o ON " + join + "o." + rowid + " < n." + rowid + " WHERE n." + rowid + " > ?)");
        touch = c.prepareStatement("UPDATE " + t + " SET run_id = ?, import_date = ?, scope = ?, as_of_date = ?,"
                + " deleted_at = NULL, retired_at = NULL WHERE " + rowid + " = ?");
        retire = c.prepareStatement("UPDATE " + t + " SET retired_at = COALESCE(retired_at, ?), run_id = ? WHERE "
                + where + " AND scope = ? AND deleted_at IS NULL AND run_id < ?");
        unseen = c.prepareStatement("SELECT 1 FROM " + t + " WHERE scope = ? AND deleted_at IS NULL AND run_id < ? LIMIT 1");
        state = StateStore.prepareWrite(c);
        progress = RunLog.prepareResourceProgress(c);
    }

    /** {@link StateStore#write} for a page of this resource. */
    public void writeState(String lms, String resource, String scope, StateStore.State s, String now) throws SQLException {
        StateStore.write(state, lms, resource, scope, s, now);
    }

    /** {@link RunLog#resourceProgress} of a running resource, after one of its pages. */
    public void recordProgress(long runId, String resource, Counters counters) throws SQLException {
        RunLog.resourceProgress(progress, runId, resource, counters, "running", null, false);
    }

    /** The stored (newest) version of each of {@code keys} that has one. */
    public Map<List<String>, Existing> find(Collection<List<String>> keys) throws SQLException {
        Map<List<String>, Existing> found = new HashMap<>();
        List<List<String>> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += LOOKUP_KEYS) {
            int p = 1;
            for (int k = 0; k < LOOKUP_KEYS; k++) {
                List<String> key = all.get(Math.min(from + k, all.size() - 1));
                for (String v : key) {
                    lookup.setString(p++, v);
                }
            }
            try (ResultSet rs = lookup.executeQuery()) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>(identity.size());
                    for (int i = 0; i < identity.size(); i++) {
                        key.add(rs.getString(6 + i));
                    }
                    Existing e = new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    found.merge(key, e, (a, b) -> a.rowid() > b.rowid() ? a : b);
                }
            }
        }
        return found;
    }

    public long maxRowid() throws SQLException {
        try (ResultSet rs = maxRowid.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void addInsert(RecordResult.Accepted r, String scope, String createDate, String lastModified, String now, long runId)
            throws SQLException {
        int i = 1;
        for (int k = 0; k < identity.size(); k++) {
            if (!Schema.STANDARD_COLUMNS.contains(identity.get(k))) {
                insert.setString(i++, r.identity().get(k));
            }
        }
        insert.setString(i++, scope);
        insert.setString(i++, r.json());
        insert.setString(i++, r.hash());
        insert.setString(i++, createDate);
        insert.setString(i++, lastModified);
        insert.setString(i++, r.sourceCreated());
        insert.setString(i++, r.sourceModified());
        insert.setString(i++, now);
        insert.setString(i++, r.asOfDate());
        insert.setLong(i, runId);
        insert.addBatch();
    }

    public void addTouch(long rowid, String scope, String asOfDate, String now, long runId) throws SQLException {
        touch.setLong(1, runId);
        touch.setString(2, now);
        touch.setString(3, scope);
        touch.setString(4, asOfDate);
        touch.setLong(5, rowid);
        touch.addBatch();
    }

    /**
     * Runs the batches; returns how many older versions the dedupe removed. With {@code replaced}
     * false every appended identity was new (its {@link #find}, in this transaction, found no row),
     * so there is no older version to remove and the dedupe is not run: on a first sync, none is.
     */
    public int flush(boolean inserted, boolean replaced, long rowidBefore) throws SQLException {
        touch.executeBatch();
        if (!inserted) {
            return 0;
        }
        insert.executeBatch();
        if (analyzedAt < 0 || rowidBefore > 2 * analyzedAt + 1_000) {
            // before the dedupe and the next page's lookups, whose plans depend on the table's size
            dialect.refreshStatistics(insert.getConnection(), table);
            analyzedAt = Math.max(rowidBefore, 0);
        }
        if (!replaced) {
            return 0;
        }
        dedupe.setLong(1, rowidBefore);
        return dedupe.executeUpdate();
    }

    /**
     * A deletion-check listing saw this identity: if the scope's complete listing did not (its
     * live row is older than the pass), the row is retired (once) and counts as seen by the pass,
     * so deletion marking leaves it alone. Returns whether a row was retired.
     */
    public boolean retireIfUnseen(List<String> key, String scope, long passRunId, long runId, String now) throws SQLException {
        int i = 1;
        retire.setString(i++, now);
        retire.setLong(i++, runId);
        for (String v : key) {
            retire.setString(i++, v);
        }
        retire.setString(i++, scope);
        retire.setLong(i, passRunId);
        return retire.executeUpdate() > 0;
    }

    /** Whether the scope has live rows that the pass has not seen (rows a complete listing would mark). */
    public boolean hasUnseen(String scope, long passRunId) throws SQLException {
        unseen.setString(1, scope);
        unseen.setLong(2, passRunId);
        try (ResultSet rs = unseen.executeQuery()) {
            return rs.next();
        }
    }

    public void clearBatches() throws SQLException {
        insert.clearBatch();
        touch.clearBatch();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(lookup, insert, maxRowid, dedupe, touch, retire, unseen, state, progress)) {
            ps.close();
        }
    }
}
