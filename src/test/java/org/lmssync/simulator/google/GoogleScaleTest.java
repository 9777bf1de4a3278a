package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoogleScaleTest extends GoogleSimTestBase {

    @Test
    void hundredThousandRecordsStayFast() throws Exception {
        long t0 = System.nanoTime();
        GoogleTestClient c = start(config().size(DistrictSize.large()).varyCourseStates(false).build()).login();
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(sim.recordCount() >= 100_000, "records: " + sim.recordCount());
        System.out.printf("simulator start: %d ms%n", startMs);

        // One full-size page of submissions from one course, then every course page.
        String courseId = sim.courses().get(0).get("id").asText();
        long t1 = System.nanoTime();
        JsonNode page = c.getJson("/v1/courses/" + courseId + "/courseWork/-/studentSubmissions?pageSize=1000");
        assertEquals(250, page.get("studentSubmissions").size());
        assertFalse(page.has("nextPageToken"));
        List<JsonNode> courses = c.listAll("/v1/courses", "pageSize=1000", "courses");
        assertEquals(400, courses.size());
        long listMs = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("listing: %d ms%n", listMs);
    }
}
