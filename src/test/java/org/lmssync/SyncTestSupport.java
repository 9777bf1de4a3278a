package org.lmssync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.lmssync.cli.App;
import org.lmssync.testapi.TestApi;

/** Runs the real app ({@code App.run}) against {@link TestApi} into a real SQLite file. */
public abstract class SyncTestSupport {
    @TempDir
    protected Path dir;
    protected TestApi api;
    protected Path db;
    protected final Map<String, String> config = new LinkedHashMap<>();
    protected String lastOut = "";
    protected String lastErr = "";

    @BeforeEach
    void startApi() throws IOException {
        api = new TestApi();
        db = dir.resolve("sync.db");
        config.putAll(TestDb.settings(db));
        config.put("lms.routes-dir", Path.of("src/test/resources/test-routes").toAbsolutePath().toString());
        config.put("lms.testlms.enabled", "true");
        config.put("lms.testlms.schedule", "0 0 2 * * ?");
        config.put("lms.testlms.page-size", "10");
        config.put("lms.testlms.requests-per-second", "1000");
        config.put("lms.testlms.token", "test-token");
        config.put("lms.testlms.resources", "");
        config.put("lms.http.backoff-base-millis", "20");
        config.put("test.api", api.baseUrl());
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    /** Runs {@code once} for the given testlms resources; returns the exit code. */
    protected int once(String... resources) throws IOException {
        config.put("lms.testlms.resources", String.join(",", resources));
        return run("once");
    }

    protected int run(String... args) throws IOException {
        Path file = dir.resolve("test.properties");
        StringBuilder sb = new StringBuilder();
        config.forEach((k, v) -> sb.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, sb.toString());
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(file.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = App.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        lastOut = out.toString(StandardCharsets.UTF_8);
        lastErr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    protected List<Map<String, Object>> query(String sql) throws SQLException {
        return query(db, sql);
    }

    /** The rows of {@code sql} on the sync DB {@code db} names ({@link TestDb}), each as column label → value. */
    public static List<Map<String, Object>> query(Path db, String sql) throws SQLException {
        try (Connection c = TestDb.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    protected long scalar(String sql) throws SQLException {
        Object v = query(sql).get(0).values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    protected void exec(String sql) throws SQLException {
        try (Connection c = TestDb.connect(db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The last run's row of sync_run_resources for a resource. */
    protected Map<String, Object> lastResourceRun(String resource) throws SQLException {
        return query("SELECT * FROM sync_run_resources WHERE resource = '" + resource + "' ORDER BY run_id DESC LIMIT 1").get(0);
    }
}
