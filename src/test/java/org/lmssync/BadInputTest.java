package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.cli.App;
import org.lmssync.testapi.TestApi;
import org.lmssync.testapi.TestApi.Reply;

/** Bad records go to sync_errors while the page lands; bad configuration exits 2 before any request. */
class BadInputTest extends SyncTestSupport {

    @Test
    void badRecordsGoToSyncErrorsAndTheRestOfThePageLands() throws Exception {
        api.script("/link/items", Reply.body("[{\"id\":\"a1\",\"name\":\"ok\"},\"not a record\",{\"name\":\"no id\"},"
                + "{\"id\":\"a2\",\"name\":\"ok too\"},{\"id\":{\"nested\":1}}]"));
        assertEquals(1, once("items_link"), "records that could not be stored are reported: exit 1");
        assertEquals(2, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        List<Map<String, Object>> errors = query("SELECT * FROM sync_errors ORDER BY error_id");
        assertEquals(3, errors.size());
        assertEquals("record is not a JSON object", errors.get(0).get("reason"));
        assertEquals("\"not a record\"", errors.get(0).get("payload"));
        assertTrue(errors.get(1).get("reason").toString().startsWith("missing identity id"), errors.toString());
        assertEquals("{\"name\":\"no id\"}", errors.get(1).get("payload"));
        assertTrue(errors.get(2).get("url").toString().endsWith("/link/items"));
        assertEquals(3, lastResourceRun("items_link").get("errors"));
        assertEquals("succeeded", lastResourceRun("items_link").get("status"));
    }

    @Test
    void truncatedJsonIsRetriedAsATransientFault() throws Exception {
        api.put("items", TestApi.records("a", 0, 5));
        api.script("/link/items", Reply.body("[{\"id\":\"a1\",\"na"));
        assertEquals(0, once("items_link"), lastErr);
        assertEquals(2, api.count("/link/items"));
        assertEquals(5, scalar("SELECT COUNT(*) FROM testlms_items_link"));
    }

    @Test
    void badConfigurationExitsTwoNamingTheKeyBeforeAnyRequest() throws Exception {
        assertBad("lms.school-year-start", "2026-13-01", "lms.school-year-start");
        assertBad("lms.http.max-attempts", "zero", "lms.http.max-attempts");
        assertBad("lms.db.url", "postgres://x", "lms.db.url");
        assertBad("lms.testlms.token", "", "lms.testlms.token");
        assertBad("lms.testlms.schedule", "every night", "lms.testlms.schedule");
        assertBad("lms.testlms.resources", "nope", "lms.testlms.resources");
        assertEquals(0, api.requests().size());
    }

    @Test
    void anUnknownLmsOrCommandOrConfigFileExitsTwo() throws Exception {
        assertEquals(2, run("once", "--lms", "moodle"));
        assertTrue(lastErr.contains("--lms"), lastErr);
        assertEquals(2, App.run(new String[] {"sync"}, System.out, new java.io.PrintStream(new java.io.ByteArrayOutputStream())));
        assertEquals(2, App.run(new String[] {"once", "--config", dir.resolve("missing.properties").toString()},
                System.out, new java.io.PrintStream(new java.io.ByteArrayOutputStream())));
    }

    @Test
    void hostileNamesInYamlAreRejectedBeforeAnySql() throws Exception {
        config.put("lms.routes-dir", Path.of("src/test/resources/hostile-routes").toAbsolutePath().toString());
        config.put("lms.testlms.resources", "");
        assertEquals(2, run("once"));
        assertTrue(lastErr.contains("is not a valid name"), lastErr);
        assertEquals(0, api.requests().size());
    }

    private void assertBad(String key, String value, String named) throws Exception {
        String old = config.put(key, value);
        config.putIfAbsent("lms.testlms.resources", "items_link");
        int code = run("once");
        assertEquals(2, code, key + "=" + value + " gave " + code + ": " + lastErr);
        assertTrue(lastErr.startsWith("lms-sync: configuration error: " + named), lastErr);
        assertEquals(1, lastErr.strip().lines().count(), lastErr);
        if (old == null) {
            config.remove(key);
        } else {
            config.put(key, old);
        }
    }
}
