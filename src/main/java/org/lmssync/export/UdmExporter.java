package org.lmssync.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports one LMS from the sync DB to its UDM tree {@code DIR/<lms>/}: runs the mapping's queries
 * in one read transaction (one consistent snapshot), streams each result row by row through the
 * mapping, the loader's rules and the export state into the files. Nothing is held in memory but
 * the row at hand.
 */
public final class UdmExporter {
    private static final Logger LOG = LoggerFactory.getLogger(UdmExporter.class);
    private static final int WARNINGS = 10;

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public UdmExporter(Clock clock) {
        this.clock = clock;
    }

    public UdmExporter() {
        this(Clock.systemDefaultZone());
    }

    /** Whether the sync DB has every table the LMS's export reads. */
    public static boolean hasTables(Connection db, UdmMapping mapping) throws SQLException {
        for (String t : mapping.tables()) {
            if (!hasTable(db, t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasTable(Connection db, String table) throws SQLException {
        DatabaseMetaData md = db.getMetaData();
        try (ResultSet rs = md.getTables(null, null, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    /**
     * @param db  a connection to the sync DB (read-only is enough); left as it was found
     * @param dir the export root; the tree goes to {@code dir/<lms>}
     */
    public ExportResult export(Connection db, UdmMapping mapping, Path dir) throws SQLException, IOException {
        long t0 = System.nanoTime();
        if (!hasTables(db, mapping)) {
            throw new SQLException("the sync DB has no " + mapping.lms() + " tables yet (" + String.join(", ", mapping.tables())
                    + "): sync " + mapping.lms() + " first");
        }
        Path root = dir.resolve(mapping.lms());
        String utcNow = UdmValues.DATETIME.format(clock.instant().atOffset(ZoneOffset.UTC));
        boolean autoCommit = db.getAutoCommit();
        // one read transaction: every query sees the same snapshot of the sync DB
        db.setAutoCommit(false);
        Counts n = new Counts();
        try (ExportState state = new ExportState(root, LocalDateTime.now(clock.withZone(ExportState.fileClock())), utcNow);
             UdmTreeWriter writer = new UdmTreeWriter(root, state.stamp(), state.stamp().substring(0, 10))) {
            try {
                for (UdmQuery q : mapping.queries()) {
                    if (q.optionalTable() == null || hasTable(db, q.optionalTable())) {
                        run(db, q, state, writer, n);
                    }
                }
                writer.finish();
            } catch (SQLException | IOException | RuntimeException e) {
                writer.abandon();
                throw e;
            }
            state.finish(n.total(), UdmValues.DATETIME.format(clock.instant().atOffset(ZoneOffset.UTC)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            ExportResult r = new ExportResult(mapping.lms(), root, state.stamp(), Map.copyOf(n.rows), writer.files(),
                    n.duplicates, n.refused, ms);
            LOG.info("{}: exported {} rows in {} files to {} ({} ms){}", mapping.lms(), r.totalRows(), r.files(), root, ms,
                    n.duplicates + n.refused == 0 ? "" : "; left out " + n.duplicates + " duplicate and " + n.refused
                            + " unloadable rows");
            return r;
        } finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
        }
    }

    private void run(Connection db, UdmQuery q, ExportState state, UdmTreeWriter writer, Counts n)
            throws SQLException, IOException {
        UdmEntity e = q.entity();
        int lmd = e.header().indexOf("LastModifiedDate");
        boolean scoped = e.scope() == UdmEntity.Scope.SECTION || e.scope() == UdmEntity.Scope.ASSIGNMENT;
        if (!scoped) {
            writer.open(e, null, null);
        }
        n.rows.putIfAbsent(e, 0L);
        try (PreparedStatement ps = db.prepareStatement(q.sql()); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i));
            }
            String[] why = new String[1];
            while (rs.next()) {
                Map<String, String> cols = new HashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    cols.put(names.get(i), rs.getString(i + 1));
                }
                if (scoped) {
                    String section = cols.get("folder_section");
                    String assignment = cols.get("folder_assignment");
                    if (!UdmTreeWriter.isSafe(section) || e.scope() == UdmEntity.Scope.ASSIGNMENT && !UdmTreeWriter.isSafe(assignment)) {
                        warn(n, e, "a folder key is not usable as a file name: " + section + " / " + assignment);
                        continue;
                    }
                    writer.open(e, section, assignment);
                }
                String text = cols.get("json");
                if (text == null) {
                    continue;
                }
                JsonNode node = json.readTree(text);
                for (UdmRow row : q.mapper().map(new SourceRow(node, cols))) {
                    Optional<List<String>> values = RowRules.values(row, why);
                    if (values.isEmpty()) {
                        warn(n, e, row.ssi() + ": " + why[0]);
                        continue;
                    }
                    List<String> v = values.get();
                    String date = state.lastModified(e, row.ssi(), v.get(lmd));
                    if (date == null) {
                        n.duplicates++;
                        continue;
                    }
                    v.set(lmd, date);
                    writer.row(v);
                    n.rows.merge(e, 1L, Long::sum);
                }
            }
        }
        if (!scoped) {
            writer.finish();
        }
    }

    private static void warn(Counts n, UdmEntity e, String message) {
        if (n.refused++ < WARNINGS) {
            LOG.warn("{}: row left out (the loader would refuse it): {}", e.folder(), message);
        }
    }

    /** Running totals of one export. */
    private static final class Counts {
        final Map<UdmEntity, Long> rows = new EnumMap<>(UdmEntity.class);
        long duplicates;
        long refused;

        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
