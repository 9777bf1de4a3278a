package org.lmssync.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmssync.SyncTestSupport;
import org.lmssync.engine.run.Times;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;
import org.lmssync.testapi.TestApi;

/**
 * The product on the shapes real Classroom sends (issue 17): proto3 omissions, NEW submissions
 * without times, updateTime before creationTime, late on work never turned in, rich histories.
 */
class GoogleRealShapesSyncTest extends SyncTestSupport {
    private GoogleSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private int sync() throws Exception {
        return run("once", "--lms", "google");
    }

    private void start() {
        sim = GoogleSimulator.start(GoogleSimConfig.builder().seed(17).size(new DistrictSize(5, 10, 2, 6, 40, 4)).build());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        config.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        config.put("lms.testlms.enabled", "false");
        config.put("lms.google.enabled", "true");
        config.put("lms.google.classroom-url", sim.baseUrl());
        config.put("lms.google.reports-url", sim.baseUrl());
        config.put("lms.google.service-account-file", sim.writeServiceAccountKey(dir.resolve("key.json")).toString());
        config.put("lms.google.admin-email", sim.adminEmail());
        config.put("lms.google.requests-per-second", "500");
        config.put("lms.school-year-start", today.minusDays(2).toString());
        config.put("lms.google.resources", "courses,coursework,submissions");
    }

    @Test
    void untidySubmissionsAreStoredAsSentWithTheirOwnTimesInUtc() throws Exception {
        start();
        assertEquals(0, sync(), lastErr);
        assertEquals(0, scalar("SELECT COUNT(*) FROM sync_errors"));
        Map<String, JsonNode> truth = new HashMap<>();
        for (JsonNode c : sim.courses()) {
            sim.submissions(c.get("id").asText()).forEach(s -> truth.put(s.get("id").asText(), s));
        }
        int before = 0;
        int timeless = 0;
        int lateUnsubmitted = 0;
        for (Map<String, Object> r : query("SELECT id, json, source_create_date, source_last_modified_date FROM google_submissions")) {
            JsonNode sent = truth.get(r.get("id").toString());
            JsonNode stored = TestApi.JSON.readTree(r.get("json").toString());
            assertEquals(sent, stored, "stored as sent");
            if (!sent.has("creationTime")) {
                timeless++;
                assertNull(r.get("source_create_date"));
                assertNull(r.get("source_last_modified_date"));
                continue;
            }
            assertEquals(Times.normalise(sent.get("creationTime").asText()), r.get("source_create_date"));
            assertEquals(Times.normalise(sent.get("updateTime").asText()), r.get("source_last_modified_date"));
            before += r.get("source_last_modified_date").toString().compareTo(r.get("source_create_date").toString()) < 0 ? 1 : 0;
            lateUnsubmitted += sent.get("state").asText().equals("CREATED") && sent.path("late").asBoolean() ? 1 : 0;
        }
        assertEquals(truth.size(), scalar("SELECT COUNT(*) FROM google_submissions"));
        assertTrue(before > 0, "some updateTime before creationTime, kept as sent");
        assertTrue(timeless > 0, "NEW submissions without times");
        assertTrue(lateUnsubmitted > 0);

        // The coursework watermark is the latest updateTime seen, and a no-change re-run changes nothing.
        for (JsonNode c : sim.courses()) {
            String max = sim.courseWork(c.get("id").asText()).stream().map(w -> Times.normalise(w.get("updateTime").asText()))
                    .max(String::compareTo).orElse(null);
            if (max != null) {
                assertEquals(max, query("SELECT watermark FROM sync_state WHERE resource = 'coursework' AND scope = '"
                        + c.get("id").asText() + "'").get(0).get("watermark"));
            }
        }
        assertEquals(0, sync(), lastErr);
        Map<String, Object> run = query("SELECT * FROM sync_runs ORDER BY run_id DESC LIMIT 1").get(0);
        assertEquals(0, run.get("inserted"));
        assertEquals(0, run.get("updated"));
        assertEquals(0, run.get("deleted"));
    }
}
