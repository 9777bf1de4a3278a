package org.lmssync.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code direct:lms-export} and {@code direct:lms-export-after-sync} in a plain CamelContext, on a hand-made sync DB. */
class ExportRouteTest {
    @TempDir
    Path dir;

    private CamelContext start(Path db, String udmDir) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Properties p = new Properties();
        p.put("lms.db.url", "jdbc:sqlite:" + db);
        p.put("lms.export.udm-dir", udmDir);
        camel.getPropertiesComponent().setInitialProperties(p);
        camel.addRoutes(new ExportRoutes());
        camel.start();
        return camel;
    }

    private Path syncDb(String lastStatus) throws Exception {
        Path db = dir.resolve("sync.db");
        SyncDbFixture f = new SyncDbFixture(db);
        f.schoologySection("10", "{\"id\":\"10\",\"section_title\":\"Algebra\",\"active\":1}");
        f.schoologyUser("7", "{\"id\":7,\"uid\":\"7\",\"name_first\":\"Ada\",\"name_last\":\"L\",\"primary_email\":\"a@x.org\"}");
        f.schoologyEnrollment("10", "70", "{\"id\":\"70\",\"uid\":\"7\",\"admin\":0,\"status\":\"1\"}");
        f.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE sync_runs (run_id INTEGER PRIMARY KEY, lms TEXT, status TEXT)");
            st.execute("INSERT INTO sync_runs (lms, status) VALUES ('schoology', 'succeeded'), ('schoology', '" + lastStatus + "')");
        }
        return db;
    }

    @Test
    void theRouteExportsTheLmsOfTheBodyToTheConfiguredFolder() throws Exception {
        Path udm = dir.resolve("udm");
        try (CamelContext camel = start(syncDb("succeeded"), udm.toString())) {
            Object result = camel.createProducerTemplate().requestBody(ExportRoutes.EXPORT, "schoology");
            ExportResult r = assertInstanceOf(ExportResult.class, result);
            assertEquals(1L, r.rows().get(UdmEntity.USERS));
            assertEquals(1L, r.rows().get(UdmEntity.SECTION_ASSOCIATIONS));
            assertTrue(Files.exists(udm.resolve("schoology/users/" + r.stamp() + ".csv")));
        }
    }

    @Test
    void afterASyncItExportsOnlyWhenThatLmssLatestRunSucceeded() throws Exception {
        Path udm = dir.resolve("udm");
        try (CamelContext camel = start(syncDb("failed"), udm.toString())) {
            ProducerTemplate t = camel.createProducerTemplate();
            t.sendBodyAndHeader(ExportRoutes.AFTER_SYNC, null, "lmsName", "schoology");
            assertFalse(Files.exists(udm.resolve("schoology")), "no export after a failed sync");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sync.db")); Statement st = c.createStatement()) {
                st.execute("INSERT INTO sync_runs (lms, status) VALUES ('schoology', 'succeeded')");
            }
            t.sendBodyAndHeader(ExportRoutes.AFTER_SYNC, null, "lmsName", "schoology");
            assertTrue(Files.isDirectory(udm.resolve("schoology/users")), "exported after a successful sync");
        }
    }

    @Test
    void afterASyncNothingHappensWithoutAnExportFolder() throws Exception {
        try (CamelContext camel = start(syncDb("succeeded"), "")) {
            camel.createProducerTemplate().sendBodyAndHeader(ExportRoutes.AFTER_SYNC, null, "lmsName", "schoology");
            try (var files = Files.list(dir)) {
                assertTrue(files.allMatch(f -> f.getFileName().toString().startsWith("sync.db")), "nothing but the sync DB");
            }
        }
    }
}
