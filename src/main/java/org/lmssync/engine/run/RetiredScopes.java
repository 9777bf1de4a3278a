package org.lmssync.engine.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.resource.ResourceDefinition;

/**
 * Retired rows (see {@code deletionCheckQuery}) are no longer listed by their API, and neither is
 * anything under them: no child listing is planned for a retired row, nor for the descendants of
 * one (the assignments of a past section keep their rows, but their submissions are not listed).
 */
final class RetiredScopes {
    private RetiredScopes() {
    }

    /** The scope keys (identity joined by '/') of the live rows of {@code def} that are retired or under a retired row. */
    static Set<String> blocked(Connection c, ResourceCatalog catalog, ResourceDefinition def) throws SQLException {
        Set<String> above = def.parent() == null ? Set.of() : blocked(c, catalog, catalog.get(def.lms(), def.parent()));
        List<String> cols = def.identityColumns();
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", cols) + ", scope, retired_at FROM "
                + def.table() + " WHERE deleted_at IS NULL" + (above.isEmpty() ? " AND retired_at IS NOT NULL" : ""));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(cols.size() + 2) != null || above.contains(rs.getString(cols.size() + 1))) {
                    out.add(ScopePlanner.scopeKey(rs, cols.size()));
                }
            }
        }
        return out;
    }
}
