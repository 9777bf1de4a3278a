package org.lmssync.engine.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** {@code sync_state}: resume point, watermark, last as_of_date and last full pass per scope. */
public final class StateStore {

    /**
     * One row of {@code sync_state}; any field may be null. {@code passRejected} counts the records
     * of the unfinished pass that could not be stored, so a pass resumed in a later run still knows
     * it may not infer deletions.
     */
    public record State(String nextPage, Long passRunId, boolean passFull, String windowStart, String windowEnd,
                        String pendingWatermark, String watermark, String lastAsOfDate, String lastFullPassAt,
                        long passRejected) {
        static final State EMPTY = cleared();

        /** No resume point and no pass: the next run lists the scope afresh. Stored dates are kept. */
        public static State cleared() {
            return new State(null, null, false, null, null, null, null, null, null, 0);
        }
    }

    private StateStore() {
    }

    public static State read(Connection c, String lms, String resource, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT next_page, pass_run_id, pass_full, window_start, window_end,"
                + " pending_watermark, watermark, last_as_of_date, last_full_pass_at, pass_rejected FROM sync_state"
                + " WHERE lms = ? AND resource = ? AND scope = ?")) {
            ps.setString(1, lms);
            ps.setString(2, resource);
            ps.setString(3, scope);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return State.EMPTY;
                }
                long pass = rs.getLong(2);
                Long passRunId = rs.wasNull() ? null : pass;
                return new State(rs.getString(1), passRunId, rs.getInt(3) == 1, rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10));
            }
        }
    }

    /**
     * Writes the state after a page. Null watermark, last_as_of_date and last_full_pass_at keep the
     * stored values: they only ever move forward.
     */
    public static void write(Connection c, String lms, String resource, String scope, State s, String now) throws SQLException {
        try (PreparedStatement ps = prepareWrite(c)) {
            write(ps, lms, resource, scope, s, now);
        }
    }

    /** The statement of {@link #write}, for a caller that writes the state after every page. */
    public static PreparedStatement prepareWrite(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO sync_state (lms, resource, scope, next_page, pass_run_id,"
                + " pass_full, window_start, window_end, pending_watermark, watermark, last_as_of_date, last_full_pass_at, updated_at,"
                + " pass_rejected) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (lms, resource, scope) DO UPDATE SET"
                + " next_page = excluded.next_page, pass_run_id = excluded.pass_run_id, pass_full = excluded.pass_full,"
                + " window_start = excluded.window_start, window_end = excluded.window_end,"
                + " pending_watermark = excluded.pending_watermark,"
                + " watermark = COALESCE(excluded.watermark, sync_state.watermark),"
                + " last_as_of_date = COALESCE(excluded.last_as_of_date, sync_state.last_as_of_date),"
                + " last_full_pass_at = COALESCE(excluded.last_full_pass_at, sync_state.last_full_pass_at),"
                + " updated_at = excluded.updated_at, pass_rejected = excluded.pass_rejected");
    }

    /** {@link #write} with a statement from {@link #prepareWrite}. */
    public static void write(PreparedStatement ps, String lms, String resource, String scope, State s, String now)
            throws SQLException {
        ps.setString(1, lms);
        ps.setString(2, resource);
        ps.setString(3, scope);
        ps.setString(4, s.nextPage());
        if (s.passRunId() == null) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setLong(5, s.passRunId());
        }
        ps.setInt(6, s.passFull() ? 1 : 0);
        ps.setString(7, s.windowStart());
        ps.setString(8, s.windowEnd());
        ps.setString(9, s.pendingWatermark());
        ps.setString(10, s.watermark());
        ps.setString(11, s.lastAsOfDate());
        ps.setString(12, s.lastFullPassAt());
        ps.setString(13, now);
        ps.setLong(14, s.passRejected());
        ps.executeUpdate();
    }

    public static void forget(Connection c, String lms, String resource, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_state WHERE lms = ? AND resource = ? AND scope = ?")) {
            ps.setString(1, lms);
            ps.setString(2, resource);
            ps.setString(3, scope);
            ps.executeUpdate();
        }
    }
}
