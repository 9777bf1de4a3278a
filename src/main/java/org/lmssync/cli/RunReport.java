package org.lmssync.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.lmssync.store.SyncDatabase;

/** Renders runs from {@code sync_runs} / {@code sync_run_resources} as a plain-text table. */
final class RunReport {
    private static final String[] HEAD = {"run", "lms", "resource", "started", "status", "records", "ins", "upd", "same",
        "del", "requests", "throttled", "wait ms", "errors"};

    private RunReport() {
    }

    static String forRuns(SyncDatabase db, List<Long> runIds) {
        if (runIds.isEmpty()) {
            return "No runs finished.\n";
        }
        String ids = String.join(",", runIds.stream().map(String::valueOf).toList());
        return render(db, "r.run_id IN (" + ids + ")", Integer.MAX_VALUE);
    }

    /** The latest {@code runs} runs per LMS. */
    static String latest(SyncDatabase db, int runs) {
        return render(db, "r.run_id IN (SELECT run_id FROM sync_runs s WHERE s.lms = r.lms ORDER BY run_id DESC LIMIT " + runs + ")",
                Integer.MAX_VALUE);
    }

    private static String render(SyncDatabase db, String where, int limit) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEAD);
        String cols = "requests, throttled, throttle_wait_ms, errors";
        String sql = "SELECT r.run_id, r.lms, '*' AS resource, r.started_at, r.status, r.records, r.inserted, r.updated, r.unchanged,"
                + " r.deleted, r." + cols.replace(", ", ", r.") + ", 0 AS ord FROM sync_runs r WHERE " + where
                + " UNION ALL SELECT r.run_id, r.lms, x.resource, x.started_at, x.status, x.records, x.inserted, x.updated,"
                + " x.unchanged, x.deleted, x." + cols.replace(", ", ", x.") + ", 1 FROM sync_run_resources x"
                + " JOIN sync_runs r ON r.run_id = x.run_id WHERE " + where
                + " ORDER BY 2, 1 DESC, ord, 4 LIMIT " + limit;
        List<String> errors = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String[] row = new String[HEAD.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1) == null ? "" : rs.getString(i + 1);
                }
                if (!"*".equals(row[2])) {
                    row[1] = "";
                    row[0] = "";
                }
                rows.add(row);
            }
            try (PreparedStatement pe = c.prepareStatement("SELECT x.run_id, x.resource, x.error FROM sync_run_resources x"
                    + " JOIN sync_runs r ON r.run_id = x.run_id WHERE x.error IS NOT NULL AND " + where + " ORDER BY 1");
                 ResultSet re = pe.executeQuery()) {
                while (re.next()) {
                    errors.add("run " + re.getLong(1) + " " + re.getString(2) + ": " + re.getString(3));
                }
            }
        } catch (SQLException e) {
            return "Cannot read the runs: " + e.getMessage() + "\n";
        }
        if (rows.size() == 1) {
            return "No runs recorded yet.\n";
        }
        StringBuilder out = new StringBuilder(table(rows));
        for (String e : errors) {
            out.append(e).append('\n');
        }
        return out.toString();
    }

    /**
     * {@code status --json}: the latest {@code runs} runs per LMS, newest first, each with its
     * resources, every column of sync_runs / sync_run_resources by its name. {@code db} null: no DB yet.
     */
    static String json(SyncDatabase db, String file, int runs) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        root.put("db", file);
        root.put("exists", db != null);
        com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("runs");
        if (db == null) {
            return root.toString();
        }
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM sync_runs r WHERE r.run_id IN (SELECT run_id FROM sync_runs s"
                     + " WHERE s.lms = r.lms ORDER BY run_id DESC LIMIT " + runs + ") ORDER BY r.lms, r.run_id DESC");
             PreparedStatement pr = c.prepareStatement("SELECT * FROM sync_run_resources WHERE run_id = ? ORDER BY started_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                com.fasterxml.jackson.databind.node.ObjectNode run = row(list.addObject(), rs);
                pr.setLong(1, rs.getLong("run_id"));
                com.fasterxml.jackson.databind.node.ArrayNode resources = run.putArray("resources");
                try (ResultSet rr = pr.executeQuery()) {
                    while (rr.next()) {
                        row(resources.addObject(), rr).remove("run_id");
                    }
                }
            }
        } catch (SQLException e) {
            root.put("error", "cannot read the runs: " + e.getMessage());
        }
        return root.toString();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode row(com.fasterxml.jackson.databind.node.ObjectNode node,
                                                                     ResultSet rs) throws SQLException {
        java.sql.ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            String name = md.getColumnLabel(i);
            if (v == null) {
                node.putNull(name);
            } else if (v instanceof Number n) {
                node.put(name, n.longValue());
            } else {
                node.put(name, v.toString());
            }
        }
        return node;
    }

    static String table(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            for (int i = 0; i < r.length; i++) {
                boolean numeric = i >= 5;
                String cell = numeric ? " ".repeat(width[i] - r[i].length()) + r[i] : r[i] + " ".repeat(width[i] - r[i].length());
                sb.append(cell).append(i + 1 < r.length ? "  " : "");
            }
            sb.append('\n');
            if (n == 0) {
                for (int i = 0; i < width.length; i++) {
                    sb.append("-".repeat(width[i])).append(i + 1 < width.length ? "  " : "");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
