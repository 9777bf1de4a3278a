package org.lmssync.engine.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes {@code sync_runs}, {@code sync_run_resources} and {@code sync_errors}. */
public final class RunLog {
    /** Longest payload kept in an error row: enough to see what was wrong, not a copy of the API. */
    public static final int MAX_PAYLOAD = 2_000;

    private static final String SET_COUNTERS = String.join(" = ?, ", Counters.COLUMNS) + " = ?";

    private RunLog() {
    }

    public static long startRun(Connection c, String lms, String command) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_runs (lms, command, started_at, status) VALUES (?, ?, ?, 'running')",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, lms);
            ps.setString(2, command);
            ps.setString(3, Times.now());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static void finishRun(Connection c, LmsRun run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_runs SET finished_at = ?, status = ?, "
                + SET_COUNTERS + " WHERE run_id = ?")) {
            ps.setString(1, Times.now());
            ps.setString(2, run.status());
            int i = bind(ps, 3, run.totals());
            ps.setLong(i, run.runId());
            ps.executeUpdate();
        }
    }

    public static void startResource(Connection c, long runId, String resource) throws SQLException {
        // a resource is started once per run; delete-then-insert replaces a row the same way on every DB
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_run_resources WHERE run_id = ? AND resource = ?")) {
            ps.setLong(1, runId);
            ps.setString(2, resource);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_run_resources"
                + " (run_id, resource, status, started_at) VALUES (?, ?, 'running', ?)")) {
            ps.setLong(1, runId);
            ps.setString(2, resource);
            ps.setString(3, Times.now());
            ps.executeUpdate();
        }
    }

    /** Updates the resource's totals; part of the page transaction, so they survive a crash. */
    public static void resourceProgress(Connection c, long runId, String resource, Counters counters,
                                        String status, String error, boolean finished) throws SQLException {
        try (PreparedStatement ps = prepareResourceProgress(c)) {
            resourceProgress(ps, runId, resource, counters, status, error, finished);
        }
    }

    /** The statement of {@link #resourceProgress}, for a caller that records progress after every page. */
    public static PreparedStatement prepareResourceProgress(Connection c) throws SQLException {
        return c.prepareStatement("UPDATE sync_run_resources SET status = ?, error = ?, finished_at = ?, "
                + SET_COUNTERS + " WHERE run_id = ? AND resource = ?");
    }

    /** {@link #resourceProgress} with a statement from {@link #prepareResourceProgress}. */
    public static void resourceProgress(PreparedStatement ps, long runId, String resource, Counters counters,
                                        String status, String error, boolean finished) throws SQLException {
        ps.setString(1, status);
        ps.setString(2, error);
        ps.setString(3, finished ? Times.now() : null);
        int i = bind(ps, 4, counters);
        ps.setLong(i, runId);
        ps.setString(i + 1, resource);
        ps.executeUpdate();
    }

    public static void error(Connection c, long runId, String lms, String resource, String scope, String url,
                             String reason, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_errors (run_id, lms, resource, scope, url, reason,"
                + " payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setString(2, lms);
            ps.setString(3, resource);
            ps.setString(4, scope);
            ps.setString(5, url);
            ps.setString(6, reason);
            ps.setString(7, truncated(payload));
            ps.setString(8, Times.now());
            ps.executeUpdate();
        }
    }

    /**
     * The LMS's runs just before {@code runId} that were interrupted, back to the last run that
     * was not: the pass this run resumes. Listings that those runs completed are not listed again.
     */
    public static java.util.Set<Long> interruptedChain(Connection c, String lms, long runId) throws SQLException {
        java.util.Set<Long> chain = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, status FROM sync_runs WHERE lms = ? AND run_id < ?"
                + " ORDER BY run_id DESC")) {
            ps.setString(1, lms);
            ps.setLong(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && "interrupted".equals(rs.getString(2))) {
                    chain.add(rs.getLong(1));
                }
            }
        }
        return java.util.Set.copyOf(chain);
    }

    /** The longest a reason quoted from a reply or an exception may be in a message. */
    private static final int MAX_QUOTE = 200;

    /**
     * A reason quoted in an error message (a reply's body, an exception's message): its first 200
     * characters, never half a surrogate pair, and "…" when there was more.
     */
    public static String quoted(String reason) {
        if (reason.length() <= MAX_QUOTE) {
            return reason;
        }
        int keep = Character.isHighSurrogate(reason.charAt(MAX_QUOTE - 1)) ? MAX_QUOTE - 1 : MAX_QUOTE;
        return reason.substring(0, keep) + "…";
    }

    /** At most {@link #MAX_PAYLOAD} characters, the marker included, and never half a surrogate pair. */
    static String truncated(String payload) {
        if (payload == null || payload.length() <= MAX_PAYLOAD) {
            return payload;
        }
        String marker = "…[truncated: " + payload.length() + " chars in all]";
        int keep = MAX_PAYLOAD - marker.length();
        if (Character.isHighSurrogate(payload.charAt(keep - 1))) {
            keep--;
        }
        return payload.substring(0, keep) + marker;
    }

    /** Closes runs a killed process left 'running', so {@code status} does not show them as live. */
    public static void closeAbandonedRuns(Connection c, String lms) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_runs SET status = 'interrupted', finished_at = ?"
                + " WHERE lms = ? AND status = 'running'")) {
            ps.setString(1, Times.now());
            ps.setString(2, lms);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_run_resources SET status = 'interrupted'"
                + " WHERE status = 'running' AND run_id IN (SELECT run_id FROM sync_runs WHERE lms = ?)")) {
            ps.setString(1, lms);
            ps.executeUpdate();
        }
    }

    private static int bind(PreparedStatement ps, int from, Counters counters) throws SQLException {
        int i = from;
        for (long v : counters.values()) {
            ps.setLong(i++, v);
        }
        return i;
    }
}
