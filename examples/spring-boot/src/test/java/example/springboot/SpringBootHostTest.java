package example.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmssync.LmsSync;
import org.lmssync.engine.run.RunResult;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the example app as it is (application.yaml, LmsSyncConfiguration) with its sync DB in a
 * temporary SQLite file and Canvas pointed at lms-sync's Canvas simulator, then syncs through
 * {@code direct:lms-sync} and compares the tables with the simulator's records.
 */
@CamelSpringBootTest
@SpringBootTest
@DirtiesContext
class SpringBootHostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static CanvasSimulator canvas;

    @Autowired
    CamelContext context;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    LmsSync lmsSync;

    @DynamicPropertySource
    static void hostSettings(DynamicPropertyRegistry registry) throws Exception {
        canvas = CanvasSimulator.start(CanvasSimConfig.builder().seed(9).size(CanvasDistrictSize.small()).throttling(false).build());
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("district-sync.db"));
        registry.add("lms.canvas.base-url", canvas::baseUrl);
        registry.add("lms.canvas.access-token", canvas::accessToken);
        registry.add("lms.canvas.requests-per-second", () -> "1000");
        // the nightly schedule stays configured, but must not fire during the test
        registry.add("lms.canvas.schedule", () -> "0 0 0 1 1 ? 2099");
        registry.add("camel.main.run-controller", () -> "false");
    }

    @AfterAll
    static void stopSimulator() {
        if (canvas != null) {
            canvas.close();
        }
    }

    @Test
    void theSpringBootAppSyncsCanvasIntoItsOwnDataSource() throws Exception {
        RunResult run = producer.requestBodyAndHeader(LmsSync.ENDPOINT, null, "lmsName", "canvas", RunResult.class);

        assertEquals("succeeded", run.status(), run.toString());
        // application.yaml's lms.canvas.resources is what ran
        assertEquals(Set.of("courses", "sections", "enrollments", "users"),
                run.resources().stream().map(RunResult.Resource::name).collect(Collectors.toSet()), run.toString());
        assertEquals(count("canvas_courses"), counter(run, "courses", "inserted"));
        assertEquals(count("canvas_users"), counter(run, "users", "inserted"));
        assertEquals(canvas.requestLog().size(), run.total("requests"), "the reply's request count is the simulator's");
        assertEquals(byId(canvas.courses(List.of("all"))), stored("canvas_courses"));
        assertEquals(byId(canvas.users(false, true)), stored("canvas_users"));
        assertEquals(1L, jdbc.queryForObject("SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded'", Long.class));
    }

    @Test
    void lmsSyncWritesToTheAppsPooledDataSourceInWalMode() {
        assertSame(dataSource, lmsSync.database().dataSource(), "lms-sync uses the app's DataSource");
        HikariDataSource hikari = assertInstanceOfHikari(dataSource);
        assertEquals("jdbc:sqlite:" + dir.resolve("district-sync.db"), hikari.getJdbcUrl());
        assertEquals("wal", jdbc.queryForObject("PRAGMA journal_mode", String.class));
        assertEquals(30000, jdbc.queryForObject("PRAGMA busy_timeout", Integer.class));
        assertEquals(List.of("canvas"), lmsSync.activeLmss());
        assertNotNull(context.getRoute("canvas-schedule"), "the schedule route from lms.canvas.schedule");
    }

    @Test
    void loggingStaysSpringBootsLogback() {
        assertEquals("ch.qos.logback.classic.LoggerContext", LoggerFactory.getILoggerFactory().getClass().getName());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.simple.SimpleLoggerFactory"),
                "no slf4j-simple came with lms-sync");
    }

    private static HikariDataSource assertInstanceOfHikari(DataSource ds) {
        return org.junit.jupiter.api.Assertions.assertInstanceOf(HikariDataSource.class, ds, "spring.datasource.* gives a HikariCP pool");
    }

    private static long counter(RunResult run, String resource, String counter) {
        return run.resources().stream().filter(r -> r.name().equals(resource)).findFirst().orElseThrow().counters().get(counter);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private Map<String, JsonNode> stored(String table) {
        Map<String, JsonNode> out = new HashMap<>();
        jdbc.query("SELECT id, json FROM " + table + " WHERE deleted_at IS NULL", rs -> {
            try {
                out.put(rs.getString(1), JSON.readTree(rs.getString(2)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    private static Map<String, JsonNode> byId(List<JsonNode> records) {
        Map<String, JsonNode> out = new HashMap<>();
        records.forEach(r -> out.put(r.get("id").asText(), r));
        return out;
    }
}
