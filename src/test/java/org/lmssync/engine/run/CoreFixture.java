package org.lmssync.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.lmssync.config.EngineConfig;
import org.lmssync.config.LmsConfig;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.spi.LmsAdapter;
import org.lmssync.engine.spi.LmsRegistry;
import org.lmssync.engine.spi.RequestBudget;
import org.lmssync.store.Schema;
import org.lmssync.store.SqliteDataSources;
import org.lmssync.store.SyncDatabase;

/**
 * The stateful core's unit tests share this: a temp SQLite sync DB (bookkeeping and resource
 * tables made by the store's own DDL), resource declarations of a small testlms tree, and the
 * engine objects a listing lives in, built directly rather than through Camel.
 */
public final class CoreFixture implements AutoCloseable {
    final Path dir;
    public final SyncDatabase db;
    public final ResourceCatalog catalog;

    public CoreFixture(ResourceDefinition... defs) throws Exception {
        dir = Files.createTempDirectory("core13-unit-");
        db = new SyncDatabase(SqliteDataSources.create("jdbc:sqlite:" + dir.resolve("sync.db")));
        db.open();
        catalog = ResourceCatalog.of(List.of(defs));
        db.write(c -> {
            for (ResourceDefinition d : defs) {
                Schema.createResourceTable(c, d.table(), d.identityColumns());
            }
        });
    }

    @Override
    public void close() throws Exception {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static EngineConfig config(LocalDate schoolYearStart, int maxWindowDays, int maxAttempts, int maxWaitSeconds) {
        return new EngineConfig("", Optional.ofNullable(schoolYearStart), Optional.empty(), maxWindowDays, 7, 50,
                maxAttempts, maxWaitSeconds, 60, 1000, 5, "");
    }

    /** A resource of the test LMS; {@code extra} adds or overrides template parameters. */
    public static ResourceDefinition resource(String name, String parent, String url, String identity, String... extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("lms", "testlms");
        p.put("resource", name);
        p.put("parent", parent == null ? "" : parent);
        p.put("url", url);
        p.put("paging", "link");
        p.put("identity", identity);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return ResourceDefinition.fromParameters(p);
    }

    /** The LMS a resource run belongs to: {@code adapter} decides throttles and credential refreshes. */
    static LmsRegistry.Lms lms(LmsAdapter adapter) {
        return new LmsRegistry.Lms(adapter, new LmsConfig(adapter.name(), true, null, 100, 1000, 1),
                new RequestBudget(1000), new Semaphore(1));
    }

    static ResourceRun run(ResourceDefinition def, LmsRun lmsRun, LmsAdapter adapter, List<Scope> scopes) {
        return new ResourceRun(def, lmsRun, lms(adapter), scopes, lmsRun.stop(), 5);
    }

    /** A fresh listing of {@code scope} in run {@code runId}, a full pass from {@code first}. */
    static Listing listing(Scope scope, String first, LmsRun run) {
        return new Listing(scope, first, null, run.runId(), true, null, null, 0, run.stop());
    }

    /** Inserts a stored row as a sync of {@code runId} would have left it. */
    public void row(ResourceDefinition def, String scope, long runId, String... identityValues) throws SQLException {
        List<String> cols = new ArrayList<>();
        for (String c : def.identityColumns()) {
            if (!Schema.STANDARD_COLUMNS.contains(c)) {
                cols.add(c);
            }
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + def.table() + " (" + String.join(", ", cols)
                    + ", scope, json, json_hash, create_date, last_modified_date, import_date, run_id) VALUES ("
                    + "?, ".repeat(cols.size()) + "?, '{}', 'h', 't', 't', 't', ?)")) {
                int i = 1;
                for (String v : identityValues) {
                    ps.setString(i++, v);
                }
                ps.setString(i++, scope);
                ps.setLong(i, runId);
                ps.executeUpdate();
            }
        });
    }

    public void exec(String sql) throws SQLException {
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        });
    }

    public long scalar(String sql) throws SQLException {
        return db.inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The values of one column, in rowid order. */
    public List<String> column(String sql) throws SQLException {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    public StateStore.State state(ResourceDefinition def, String scope) throws SQLException {
        return db.inTransaction(c -> StateStore.read(c, def.lms(), def.name(), scope));
    }

    public void state(ResourceDefinition def, String scope, StateStore.State s) throws SQLException {
        db.write(c -> StateStore.write(c, def.lms(), def.name(), scope, s, "2026-12-01T00:00:00.000Z"));
    }

    public static StateStore.State resumePoint(String nextPage, long passRunId) {
        return new StateStore.State(nextPage, passRunId, true, null, null, null, null, null, null, 0);
    }
}
