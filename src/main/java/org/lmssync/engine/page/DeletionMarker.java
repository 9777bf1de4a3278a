package org.lmssync.engine.page;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.run.ScopePlanner;
import org.lmssync.engine.run.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks deletions after a complete listing of a scope: live rows of the scope that the pass did
 * not see get {@code deleted_at}, and the scopes of their children follow. Guarded against an
 * API that suddenly answers empty.
 */
final class DeletionMarker {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionMarker.class);

    /** Below this many live rows a scope is too small for the guard to mean anything. */
    static final int GUARD_MIN_ROWS = 10;

    private final ResourceCatalog catalog;
    private final int guardPercent;

    DeletionMarker(ResourceCatalog catalog, int guardPercent) {
        this.catalog = catalog;
        this.guardPercent = guardPercent;
    }

    /** Result of marking one scope. */
    record Outcome(long deleted, String guardWarning) {
    }

    Outcome mark(Connection c, ResourceDefinition def, String scope, long passRunId, String now) throws SQLException {
        String t = def.table();
        // The rows the listing lacks first: an index range (scope, run_id), usually empty. Only then
        // the scope's live rows for the guard, which reads every row of the scope.
        long gone = count(c, "SELECT COUNT(*) FROM " + t + " WHERE scope = ? AND deleted_at IS NULL AND run_id < ?", scope, passRunId);
        if (gone == 0) {
            return new Outcome(0, null);
        }
        long live = count(c, "SELECT COUNT(*) FROM " + t + " WHERE scope = ? AND deleted_at IS NULL", scope, null);
        if (live >= GUARD_MIN_ROWS && gone * 100 > live * (long) guardPercent) {
            String warning = "delete guard: the complete listing of " + def.key() + (scope.isEmpty() ? "" : " scope " + scope)
                    + " lacks " + gone + " of " + live + " live rows (more than lms.delete-guard-percent="
                    + guardPercent + "%); none marked deleted";
            return new Outcome(0, warning);
        }
        long cascaded = cascade(c, def, "scope = ? AND deleted_at IS NULL AND run_id < ?", scope, passRunId, now);
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t + " SET deleted_at = ? WHERE scope = ?"
                + " AND deleted_at IS NULL AND run_id < ?")) {
            ps.setString(1, now);
            ps.setString(2, scope);
            ps.setLong(3, passRunId);
            long marked = ps.executeUpdate();
            if (cascaded > 0) {
                LOG.info("{}: {} child rows of deleted rows marked deleted", def.key(), cascaded);
            }
            return new Outcome(marked, null);
        }
    }

    /** Marks the children of the rows matching {@code where} deleted, recursively; returns the count. */
    private long cascade(Connection c, ResourceDefinition parent, String where, String scope, Long passRunId, String now)
            throws SQLException {
        List<ResourceDefinition> children = catalog.children(parent);
        if (children.isEmpty()) {
            return 0;
        }
        List<String> keys = new ArrayList<>();
        String cols = String.join(", ", parent.identityColumns());
        try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM " + parent.table() + " WHERE " + where)) {
            ps.setString(1, scope);
            if (passRunId != null) {
                ps.setLong(2, passRunId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = parent.identity().size();
                while (rs.next()) {
                    keys.add(ScopePlanner.scopeKey(rs, n));
                }
            }
        }
        long total = 0;
        for (ResourceDefinition child : children) {
            for (String key : keys) {
                total += cascade(c, child, "scope = ? AND deleted_at IS NULL", key, null, now);
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + child.table() + " SET deleted_at = ?"
                        + " WHERE scope = ? AND deleted_at IS NULL")) {
                    ps.setString(1, now);
                    ps.setString(2, key);
                    total += ps.executeUpdate();
                }
                StateStore.forget(c, child.lms(), child.name(), key);
            }
        }
        return total;
    }

    private static long count(Connection c, String sql, String scope, Long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, scope);
            if (runId != null) {
                ps.setLong(2, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
