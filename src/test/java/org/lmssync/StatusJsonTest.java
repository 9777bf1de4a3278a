package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;

/** {@code status --json}: the latest runs and their resources, every column by name, for scripts. */
class StatusJsonTest extends SyncTestSupport {

    @Test
    void theRunsAndTheirResourcesAsJson() throws Exception {
        JsonNode none = new ObjectMapper().readTree(statusJson());
        // a PostgreSQL database exists before any run; a SQLite file does not
        assertEquals(TestDb.postgres(), none.get("exists").asBoolean());
        assertEquals(0, none.get("runs").size());

        api.put("courses", TestApi.records("c", 0, 3));
        for (int c = 0; c < 3; c++) {
            api.put("courses/c" + c + "/students", TestApi.records("s", 0, 2));
        }
        assertEquals(0, once("courses", "students"), lastErr);
        assertEquals(0, once("courses", "students"), lastErr);
        JsonNode status = new ObjectMapper().readTree(statusJson());
        JsonNode runs = status.get("runs");
        assertEquals(2, runs.size(), status.toString());
        JsonNode latest = runs.get(0);
        assertEquals(scalar("SELECT MAX(run_id) FROM sync_runs"), latest.get("run_id").asLong());
        assertEquals("testlms", latest.get("lms").asText());
        assertEquals("succeeded", latest.get("status").asText());
        assertEquals(scalar("SELECT records FROM sync_runs WHERE run_id = " + latest.get("run_id").asLong()),
                latest.get("records").asLong());
        JsonNode students = latest.get("resources").get(1);
        assertEquals("students", students.get("resource").asText());
        assertEquals(6, students.get("records").asLong());
        assertEquals(6, runs.get(1).get("resources").get(1).get("inserted").asLong());
        assertEquals(true, students.get("error").isNull());
    }

    private String statusJson() throws Exception {
        assertEquals(0, run("status", "--json"), lastErr);
        return lastOut;
    }
}
