package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleTest extends CanvasSimTestBase {

    @Test
    void largeDistrictStartsAndPagesQuickly() throws Exception {
        long t0 = System.nanoTime();
        CanvasTestClient c = start(config().size(CanvasDistrictSize.large()).throttling(false).build());
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("simulator start: %d ms%n", startMs);
        long records = sim.recordCount();
        assertTrue(records >= 50_000, "records: " + records);

        long t1 = System.nanoTime();
        long course = sim.courses(List.of("available")).get(0).get("id").asLong();
        List<JsonNode> subs = c.listAll("/api/v1/courses/" + course + "/students/submissions?student_ids[]=all&per_page=100");
        assertEquals(sim.submissions(course, null, null).size(), subs.size());
        assertTrue(subs.size() > 300);
        List<JsonNode> users = c.listAll("/api/v1/accounts/self/users?per_page=100");
        assertEquals(sim.users(false).size(), users.size());
        long listMs = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("listing: %d ms%n", listMs);
    }
}
