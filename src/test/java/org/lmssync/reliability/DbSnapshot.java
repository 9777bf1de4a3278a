package org.lmssync.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A resource table's content without what differs between two correct syncs of the same data:
 * run ids and times. Compared as sorted lists, so a duplicated row is a difference too.
 */
public final class DbSnapshot {
    /** Columns that record when and by which run, not what. */
    private static final Set<String> WHEN = Set.of("run_id", "import_date", "create_date", "last_modified_date", "row_seq");
    /** Times whose presence is content (deleted or retired), though their value is not. */
    private static final Set<String> MARKS = Set.of("deleted_at", "retired_at");

    private DbSnapshot() {
    }

    /** Every table of the LMS ({@code <lms>_*}) mapped to its sorted rows. */
    public static Map<String, List<String>> of(Path db, String lms) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = org.lmssync.TestDb.connect(db); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").startsWith(lms + "_")) {
                        names.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            names.sort(null);
            for (String table : names) {
                tables.put(table, rows(c, st, table));
            }
        }
        return tables;
    }

    private static List<String> rows(Connection c, Statement st, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                String col = rs.getString("COLUMN_NAME");
                if (MARKS.contains(col)) {
                    cols.add("(" + col + " IS NOT NULL) AS " + col.replace("_at", ""));
                } else if (!WHEN.contains(col)) {
                    cols.add(col);
                }
            }
        }
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", cols)
                + " FROM " + table)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append('\u001f');
                }
                rows.add(sb.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}
