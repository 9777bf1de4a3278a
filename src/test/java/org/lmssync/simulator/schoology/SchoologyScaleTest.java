package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The large district generates and serves; timings are left to the benchmark. */
class SchoologyScaleTest extends SchoologySimTestBase {

    @Test
    void largeDistrictHoldsFiftyThousandPlusRecords() throws Exception {
        SchoologyTestClient c = start(config().size(SchoologyDistrictSize.large()).build());
        assertTrue(sim.recordCount() >= 50_000, "records: " + sim.recordCount());
        assertEquals(SchoologyDistrictSize.large().totalRecords() + 1, sim.recordCount() + attendanceShortfall(),
                "admin account plus the sized records");
        JsonNode page = c.getJson("/users?limit=200");
        assertEquals(200, page.get("user").size());
        List<JsonNode> courses = c.listAll("/courses?limit=200", "course");
        assertEquals(100, courses.size());
        long sectionId = sim.allSectionIds(false).get(0);
        long itemId = sim.assignmentIds(sectionId).get(0);
        assertEquals(20, c.getJson("/sections/" + sectionId + "/submissions/" + itemId + "?limit=200").get("revision").size());
    }

    /** Attendance generation skips colliding (date, enrollment) pairs after bounded retries. */
    private long attendanceShortfall() {
        long expected = (long) SchoologyDistrictSize.large().sections() * SchoologyDistrictSize.large().attendancePerSection();
        long actual = 0;
        for (long courseId : sim.courseIds()) {
            for (long s : sim.sectionIds(courseId, true)) {
                actual += sim.attendanceEntries(s, null, null).size();
            }
        }
        return expected - actual;
    }
}
