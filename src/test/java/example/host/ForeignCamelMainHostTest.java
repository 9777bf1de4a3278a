package example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmssync.LmsSync;
import org.lmssync.engine.run.RunResult;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;
import org.sqlite.SQLiteDataSource;

/**
 * An integration server that is not lms-sync: its own camel-main, its own routes and its own
 * {@code http} settings, a bean that happens to share a name lms-sync once used, and a DataSource
 * of its own choosing. It adds lms-sync through the one entry point and syncs the Canvas simulator.
 * In a package of its own, so nothing of lms-sync is found by scanning.
 */
class ForeignCamelMainHostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private CanvasSimulator canvas;
    private Main host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.stop();
        }
        if (canvas != null) {
            canvas.close();
        }
    }

    @Test
    void aForeignHostSyncsThroughTheEntryPointAndKeepsItsOwnComponentsAndBeans() throws Exception {
        canvas = CanvasSimulator.start(CanvasSimConfig.builder().seed(9).size(CanvasDistrictSize.small()).throttling(false).build());
        SQLiteDataSource hostDb = new SQLiteDataSource();
        hostDb.setUrl("jdbc:sqlite:" + dir.resolve("host.db"));
        LmsSync lmsSync = LmsSync.builder().settings(Map.of(
                "lms.canvas.enabled", "true",
                "lms.canvas.base-url", canvas.baseUrl(),
                "lms.canvas.access-token", canvas.accessToken(),
                "lms.canvas.requests-per-second", "1000",
                "lms.http.max-wait-seconds", "120"))
                .dataSource(hostDb).scheduled(false).build();

        host = new Main();
        Properties hostSettings = new Properties();
        hostSettings.put("camel.main.name", "district-integrations");
        // the host's own http settings, which lms-sync must leave alone
        hostSettings.put("camel.component.http.so-timeout", "4321");
        hostSettings.put("camel.component.http.connect-timeout", "1234");
        host.setOverrideProperties(hostSettings);
        host.bind("pageWriter", "the host's own bean");
        host.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:host-courses").routeId("host-courses")
                        .setHeader("Authorization", constant("Bearer " + canvas.accessToken()))
                        .to("http://" + canvas.baseUrl().substring("http://".length()) + "/api/v1/accounts/self/courses");
            }
        });
        host.configure().addRoutesBuilder(lmsSync);
        host.start();
        CamelContext context = host.getCamelContext();
        ProducerTemplate producer = context.createProducerTemplate();

        RunResult first = producer.requestBodyAndHeader(LmsSync.ENDPOINT, null, "lmsName", "canvas", RunResult.class);
        assertEquals("succeeded", first.status(), first.toString());
        assertEquals(rows(hostDb, "SELECT COUNT(*) FROM canvas_courses"), first.resources().stream()
                .filter(r -> r.name().equals("courses")).findFirst().orElseThrow().counters().get("inserted"));
        assertEquals(byId(canvas.courses(List.of("all"))), stored(hostDb, "canvas_courses"));
        assertEquals(byId(canvas.users(false, true)), stored(hostDb, "canvas_users"));
        long requests = canvas.requestLog().size();
        assertEquals(requests, first.total("requests"), "the reply's request count is the simulator's");

        // the host kept its own things
        HttpComponent http = context.getComponent("http", HttpComponent.class);
        assertEquals(4321, http.getSoTimeout());
        assertEquals(1234, http.getConnectTimeout());
        assertFalse(http.isAutomaticRetriesDisabled(), "the host's http keeps the client's own retries");
        assertFalse(http.isCookieManagementDisabled());
        HttpComponent own = context.getComponent(LmsSync.HTTP_COMPONENT, HttpComponent.class);
        assertNotSame(http, own);
        assertTrue(own.isAutomaticRetriesDisabled());
        assertEquals("the host's own bean", context.getRegistry().lookupByName("pageWriter"));
        String reply = producer.requestBody("direct:host-courses", null, String.class);
        JsonNode page = JSON.readTree(reply);
        assertTrue(page.isArray() && page.size() > 0, "the host's own http route works: " + reply);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("host.db"), files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith("host.db-"))
                    .sorted().toList(), "lms-sync made no files of its own (no lock file, no data/ folder)");
        }

        // a run is a request, and a cancel works per run and more than once
        for (int round = 0; round < 2; round++) {
            canvas.faults().injectNext(1, "/api/v1/accounts/self/users", Fault.tooManyRequestsRetryAfterSeconds(100));
            CompletableFuture<RunResult> waiting = CompletableFuture.supplyAsync(
                    () -> producer.requestBodyAndHeader(LmsSync.ENDPOINT, null, "lmsName", "canvas", RunResult.class));
            while (canvas.faults().injectedCount() < round + 1) {
                Thread.sleep(10);
            }
            Thread.sleep(200);
            assertTrue(lmsSync.cancel("canvas"), "a run was in progress");
            RunResult cancelled = waiting.get(30, TimeUnit.SECONDS);
            assertEquals("interrupted", cancelled.status(), cancelled.toString());
        }
        RunResult resumed = producer.requestBody(LmsSync.ENDPOINT, "canvas", RunResult.class);
        assertEquals("succeeded", resumed.status(), resumed.toString());
        assertEquals(byId(canvas.users(false, true)), stored(hostDb, "canvas_users"));
        assertEquals(4, rows(hostDb, "SELECT COUNT(*) FROM sync_runs"));
    }

    private static Map<String, JsonNode> byId(List<JsonNode> records) {
        Map<String, JsonNode> out = new HashMap<>();
        records.forEach(r -> out.put(r.get("id").asText(), r));
        return out;
    }

    private static Map<String, JsonNode> stored(SQLiteDataSource ds, String table) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, json FROM " + table + " WHERE deleted_at IS NULL")) {
            while (rs.next()) {
                out.put(rs.getString(1), JSON.readTree(rs.getString(2)));
            }
        }
        return out;
    }

    private static long rows(SQLiteDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
