package org.lmssync.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The export's own bookkeeping, a small SQLite file at the root of each LMS's tree
 * ({@value #FILE}): the exports made into this tree ({@code udm_exports}) and, per entity and
 * SourceSystemIdentifier, the LastModifiedDate last written and the export that wrote it
 * ({@code udm_export_keys}).
 *
 * <p>It lives with the tree, not in the sync DB, because what it records is what this tree's
 * loader has been shown: a fresh tree starts fresh, and the sync DB stays read-only for the export.
 *
 * <p>Why it is needed: the loader applies a row only when its LastModifiedDate differs from the
 * stored one, and a record that left and came back unchanged has its old date in the sync DB
 * ({@code deleted_at} is cleared, {@code last_modified_date} is not moved). A key missing from
 * the previous export of this tree therefore gets the export's own time, later than any date
 * written before; a key whose date would go backwards (a Schoology section no longer retired)
 * too. A key seen twice in one export is reported as a duplicate and written once.
 */
final class ExportState implements AutoCloseable {
    static final String FILE = "udm-export-state.sqlite";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");

    private final Connection c;
    private final long exportId;
    private final long previousId;
    private final String stamp;
    private final String now;
    private final PreparedStatement find;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement seen;

    /**
     * Starts an export of the tree at {@code root}.
     *
     * @param localNow the file-name clock (local time, as the Ed-Fi extractors name files)
     * @param utcNow   the export's time as a UDM date (UTC), for records that come back
     */
    ExportState(Path root, LocalDateTime localNow, String utcNow) throws SQLException {
        try {
            Files.createDirectories(root);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + root + ": " + e.getMessage(), e);
        }
        c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(FILE));
        try (Statement st = c.createStatement()) {
            // one transaction per export; a crash loses at most that export's bookkeeping, which
            // only means its records are dated as if it had not happened
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("CREATE TABLE IF NOT EXISTS udm_exports (export_id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " stamp TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, rows INTEGER)");
            st.execute("CREATE TABLE IF NOT EXISTS udm_export_keys (entity TEXT NOT NULL, ssi TEXT NOT NULL,"
                    + " content_lmd TEXT NOT NULL, emitted_lmd TEXT NOT NULL, export_id INTEGER NOT NULL,"
                    + " PRIMARY KEY (entity, ssi)) WITHOUT ROWID");
        }
        previousId = scalarLong("SELECT COALESCE(MAX(export_id), 0) FROM udm_exports WHERE finished_at IS NOT NULL");
        String last = scalarText("SELECT MAX(stamp) FROM udm_exports");
        LocalDateTime at = localNow.withNano(0);
        if (last != null) {
            LocalDateTime after = LocalDateTime.parse(last, STAMP).plusSeconds(1);
            if (at.isBefore(after)) {
                at = after;
            }
        }
        stamp = STAMP.format(at);
        now = utcNow;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO udm_exports (stamp, started_at) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, stamp);
            ps.setString(2, utcNow);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                exportId = rs.getLong(1);
            }
        }
        c.setAutoCommit(false);
        find = c.prepareStatement("SELECT content_lmd, emitted_lmd, export_id FROM udm_export_keys WHERE entity = ? AND ssi = ?");
        insert = c.prepareStatement("INSERT INTO udm_export_keys (content_lmd, emitted_lmd, export_id, entity, ssi)"
                + " VALUES (?, ?, ?, ?, ?)");
        update = c.prepareStatement("UPDATE udm_export_keys SET content_lmd = ?, emitted_lmd = ?, export_id = ?"
                + " WHERE entity = ? AND ssi = ?");
        seen = c.prepareStatement("UPDATE udm_export_keys SET export_id = ? WHERE entity = ? AND ssi = ?");
    }

    /** {@code YYYY-MM-DD-HH-MM-SS}: later than every earlier export's, so unique in every folder. */
    String stamp() {
        return stamp;
    }

    /**
     * The LastModifiedDate to write for a record, or null when this export already wrote its key.
     *
     * @param lastModified the date the sync DB gives it ({@code YYYY-MM-DD HH:MM:SS})
     */
    String lastModified(UdmEntity entity, String ssi, String lastModified) throws SQLException {
        find.setString(1, entity.name());
        find.setString(2, ssi);
        String emit;
        PreparedStatement write;
        try (ResultSet rs = find.executeQuery()) {
            if (!rs.next()) {
                emit = lastModified;
                write = insert;
            } else {
                String content = rs.getString(1);
                String emitted = rs.getString(2);
                long seenIn = rs.getLong(3);
                if (seenIn == exportId) {
                    return null;
                }
                boolean continuous = seenIn == previousId;
                write = update;
                if (continuous && content.equals(lastModified)) {
                    // the common case: present last time, unchanged; only the export that saw it moves
                    seen.setLong(1, exportId);
                    seen.setString(2, entity.name());
                    seen.setString(3, ssi);
                    seen.executeUpdate();
                    return emitted;
                } else if (continuous && lastModified.compareTo(emitted) > 0) {
                    emit = lastModified;
                } else {
                    // it came back after an export that lacked it, or its date went backwards (a
                    // Schoology section no longer retired): a date later than any written before
                    emit = now.compareTo(emitted) > 0 ? now : UdmValues.DATETIME.format(
                            LocalDateTime.parse(emitted, UdmValues.DATETIME).plusSeconds(1));
                }
            }
        }
        write.setString(1, lastModified);
        write.setString(2, emit);
        write.setLong(3, exportId);
        write.setString(4, entity.name());
        write.setString(5, ssi);
        write.executeUpdate();
        return emit;
    }

    /** Records the export as complete: from now on it is "the previous export" of this tree. */
    void finish(long rows, String finishedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE udm_exports SET finished_at = ?, rows = ? WHERE export_id = ?")) {
            ps.setString(1, finishedAt);
            ps.setLong(2, rows);
            ps.setLong(3, exportId);
            ps.executeUpdate();
        }
        c.commit();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } finally {
            c.close();
        }
    }

    static ZoneId fileClock() {
        return ZoneId.systemDefault();
    }

    private long scalarLong(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String scalarText(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
