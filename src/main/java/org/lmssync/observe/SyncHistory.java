package org.lmssync.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.lmssync.store.SyncDatabase;

/** What the sync DB already says about past successes, so metrics and health start from it. */
public final class SyncHistory {
    private SyncHistory() {
    }

    /** Per LMS, per resource ({@code *} for the run as a whole): the epoch second of the last success. */
    public static Map<String, Map<String, Long>> lastSuccess(SyncDatabase db) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        String sql = "SELECT lms, '*', MAX(finished_at) FROM sync_runs WHERE status = 'succeeded' GROUP BY lms"
                + " UNION ALL SELECT r.lms, x.resource, MAX(x.finished_at) FROM sync_run_resources x"
                + " JOIN sync_runs r ON r.run_id = x.run_id WHERE x.status = 'succeeded' GROUP BY r.lms, x.resource";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(3) != null) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), Instant.parse(rs.getString(3)).getEpochSecond());
                }
            }
        } catch (SQLException | RuntimeException e) {
            // no history is not an error: the gauges start at 0, health from the installation's start
        }
        return out;
    }
}
