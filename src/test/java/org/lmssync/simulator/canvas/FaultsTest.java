package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.RecordFault;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest extends CanvasSimTestBase {

    @Test
    void injectedServerErrorsAreLoggedAndUseCanvasJson() throws Exception {
        CanvasTestClient c = start();
        sim.faults().injectNext(1, "/api/v1/accounts", Fault.serverError(503));
        HttpResponse<String> r = c.get("/api/v1/accounts");
        assertEquals(503, r.statusCode());
        assertTrue(Json.read(r.body()).at("/errors/0/message").isTextual());
        assertEquals(200, c.get("/api/v1/accounts").statusCode());
        assertEquals(1, sim.requestLog().count(e -> "SERVER_ERROR_503".equals(e.fault())));
        assertEquals(2, sim.requestLog().countByPathPrefix("/api/v1/accounts"));
    }

    @Test
    void duplicateAndMissingIdentityInBareArrays() throws Exception {
        CanvasTestClient c = start();
        sim.faults().injectNext(1, "/api/v1/accounts/self/users", Fault.record(RecordFault.DUPLICATE_RECORD));
        JsonNode page = c.getJson("/api/v1/accounts/self/users?per_page=4");
        assertEquals(5, page.size());
        assertEquals(page.get(2), page.get(4));
        assertTrue(c.get("/api/v1/accounts/self/users?per_page=4").headers().firstValue("X-Request-Cost").isPresent());

        sim.faults().injectNext(1, "/api/v1/accounts/self/courses", Fault.record(RecordFault.MISSING_IDENTITY));
        JsonNode courses = c.getJson("/api/v1/accounts/self/courses");
        assertFalse(courses.get(courses.size() / 2).has("id"));
    }

    @Test
    void malformedAuthEventInsideTheCompoundDocument() throws Exception {
        CanvasTestClient c = start();
        long user = sim.users(false).get(0).get("id").asLong();
        sim.faults().injectNext(1, "/api/v1/audit/", Fault.record(RecordFault.MALFORMED_RECORD));
        JsonNode doc = c.getJson("/api/v1/audit/authentication/users/" + user);
        JsonNode bad = doc.get("events").get(doc.get("events").size() / 2);
        assertTrue(bad.has("id"));
        assertEquals("not-a-valid-value", bad.get("created_at").asText());
    }

    @Test
    void cursorLoopPointsNextAtTheSamePage() throws Exception {
        CanvasTestClient c = start();
        long course = sim.courses(java.util.List.of("available")).get(0).get("id").asLong();
        String path = "/api/v1/courses/" + course + "/students/submissions?student_ids[]=all&per_page=3";
        sim.faults().injectNext(1, "/api/v1/courses/", Fault.record(RecordFault.CURSOR_LOOP));
        HttpResponse<String> r = c.get(path);
        Map<String, String> links = CanvasTestClient.links(r);
        assertEquals(links.get("current"), links.get("next"));
        HttpResponse<String> again = c.get(links.get("next"));
        assertEquals(r.body(), again.body());
    }

    @Test
    void truncatedAndResetResponses() throws Exception {
        CanvasTestClient c = start();
        sim.faults().injectNext(1, "/api/v1/", Fault.truncatedJson());
        HttpResponse<String> r = c.get("/api/v1/accounts/self/courses");
        assertEquals(200, r.statusCode());
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> Json.mapper().readTree(r.body()));
        // java.net.http retries a GET once when the connection drops before any byte, so use 3 shots.
        sim.faults().injectNext(3, "/api/v1/", Fault.resetBeforeHeaders());
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> c.get("/api/v1/accounts"));
        assertTrue(sim.requestLog().count(e -> "RESET_BEFORE_HEADERS".equals(e.fault())) >= 1);
    }
}
