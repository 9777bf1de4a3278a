package org.lmssync.engine.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmssync.config.EngineConfig;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.resource.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the listings of one resource run: one per live parent row (or one root scope) and, for
 * fetch-by-date resources, one per date window from where the stored dates left off.
 */
public final class ScopePlanner {
    private static final Logger LOG = LoggerFactory.getLogger(ScopePlanner.class);
    private final ResourceCatalog catalog;
    private final EngineConfig config;

    ScopePlanner(ResourceCatalog catalog, EngineConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    /**
     * @param resumes interrupted runs this run resumes: a listing one of them completed is not
     *                listed again (by-date scopes need no such rule: their stored dates say it)
     */
    List<Scope> plan(Connection c, ResourceDefinition def, LocalDate today, Set<Long> resumes) throws SQLException {
        List<Scope> base = baseScopes(c, def);
        if (def.strategy() == Strategy.WATERMARK && !def.incrementalQueries().isEmpty()) {
            return notYetDone(c, def, withIncrementalVariants(c, def, base), resumes);
        }
        if (def.strategy() != Strategy.BY_DATE) {
            return notYetDone(c, def, base, resumes);
        }
        List<Scope> out = new ArrayList<>();
        LocalDate end = config.endDate().filter(d -> d.isBefore(today)).orElse(today);
        int maxDays = def.windowDays() == null ? config.maxWindowDays() : Math.min(def.windowDays(), config.maxWindowDays());
        LocalDate yearStart = config.schoolYearStart()
                .orElseThrow(() -> new IllegalStateException("lms.school-year-start is required for " + def.key()));
        for (Scope s : base) {
            StateStore.State st = StateStore.read(c, def.lms(), def.name(), s.key());
            LocalDate from = yearStart;
            if (st.lastAsOfDate() != null) {
                LocalDate after = LocalDate.parse(st.lastAsOfDate()).plusDays(1);
                from = after.isAfter(from) ? after : from;
            }
            if (st.nextPage() != null && st.windowStart() != null) {
                // An unfinished window resumes first, as it was planned.
                DateWindow open = new DateWindow(LocalDate.parse(st.windowStart()), LocalDate.parse(st.windowEnd()));
                out.add(new Scope(s.key(), s.parentValues(), open));
                from = open.end().plusDays(1);
            }
            for (DateWindow w : DateWindow.split(from, end, maxDays)) {
                out.add(new Scope(s.key(), s.parentValues(), w));
            }
        }
        return out;
    }

    private static List<Scope> notYetDone(Connection c, ResourceDefinition def, List<Scope> scopes, Set<Long> resumes)
            throws SQLException {
        if (resumes.isEmpty()) {
            return scopes;
        }
        List<Scope> out = new ArrayList<>(scopes.size());
        for (Scope s : scopes) {
            // An incremental query is done too when the scope's full pass was (it already saw everything).
            boolean done = finishedIn(StateStore.read(c, def.lms(), def.name(), s.stateKey()), resumes)
                    || s.variant() != null && finishedIn(StateStore.read(c, def.lms(), def.name(), s.key()), resumes);
            if (!done) {
                out.add(s);
            }
        }
        if (out.size() < scopes.size()) {
            LOG.info("{}: {} of {} listing(s) were completed by the interrupted run this one resumes; not listed again",
                    def.key(), scopes.size() - out.size(), scopes.size());
        }
        return out;
    }

    /** A finished listing keeps the run its pass began in; an unfinished one has a next page. */
    private static boolean finishedIn(StateStore.State st, Set<Long> runs) {
        return st.nextPage() == null && st.passRunId() != null && runs.contains(st.passRunId());
    }

    /**
     * A scope due a full pass (or in the middle of one) is listed plainly; otherwise once per
     * incremental query (such as submitted_since and graded_since), each from the watermark.
     */
    private List<Scope> withIncrementalVariants(Connection c, ResourceDefinition def, List<Scope> base) throws SQLException {
        List<Scope> out = new ArrayList<>();
        for (Scope s : base) {
            StateStore.State st = StateStore.read(c, def.lms(), def.name(), s.key());
            if (st.nextPage() != null || fullPassDue(st, config.fullRefreshDays())) {
                out.add(s);
            } else {
                for (int i = 0; i < def.incrementalQueries().size(); i++) {
                    out.add(new Scope(s.key(), s.parentValues(), null, i));
                }
            }
        }
        return out;
    }

    /** A watermark scope needs a full pass when it has none yet or the last is older than the setting. */
    static boolean fullPassDue(StateStore.State st, int fullRefreshDays) {
        if (st.watermark() == null || st.lastFullPassAt() == null) {
            return true;
        }
        return java.time.Instant.parse(st.lastFullPassAt()).plus(fullRefreshDays, java.time.temporal.ChronoUnit.DAYS)
                .isBefore(java.time.Instant.now());
    }

    private List<Scope> baseScopes(Connection c, ResourceDefinition def) throws SQLException {
        if (def.parent() == null) {
            return List.of(new Scope(Scope.ROOT, Map.of(), null));
        }
        ResourceDefinition parent = catalog.get(def.lms(), def.parent());
        List<String> cols = parent.identityColumns();
        List<Scope> scopes = new ArrayList<>();
        // Retired parents, and parents under a retired row, are no longer listed: nor are their children.
        java.util.Set<String> retiredAbove = parent.parent() == null ? java.util.Set.of()
                : RetiredScopes.blocked(c, catalog, catalog.get(def.lms(), parent.parent()));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", cols) + ", scope FROM " + parent.table()
                + " WHERE deleted_at IS NULL AND retired_at IS NULL ORDER BY " + org.lmssync.store.Dialect.of(c).rowId());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (retiredAbove.contains(rs.getString(cols.size() + 1))) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < cols.size(); i++) {
                    values.put(cols.get(i), rs.getString(i + 1));
                }
                scopes.add(new Scope(scopeKey(rs, cols.size()), Map.copyOf(values), null));
            }
        }
        return scopes;
    }

    /** A child's scope key: the parent's identity values joined by '/'. */
    public static String scopeKey(ResultSet rs, int columns) throws SQLException {
        if (columns == 1) {
            return rs.getString(1);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            if (i > 1) {
                sb.append('/');
            }
            sb.append(rs.getString(i));
        }
        return sb.toString();
    }
}
