package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.JsonRecordFaults;
import org.lmssync.simulator.RecordFault;
import org.lmssync.simulator.RequestLog;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchoologyThrottleAndFaultsTest extends SchoologySimTestBase {

    @Test
    void bucketAnswers429WithRetryAfter() throws Exception {
        SchoologyTestClient c = start(config().rateLimit(3, Duration.ofSeconds(5)).build());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, c.get("/courses").statusCode());
        }
        HttpResponse<String> r = c.get("/courses");
        assertEquals(429, r.statusCode());
        assertEquals("2", r.headers().firstValue("Retry-After").orElseThrow(), "5 s / 3 tokens = 1.67 s, rounded up");
        assertEquals(401, c.get("/courses", SchoologyTestClient.Signing.defaults().withSecret("x")).statusCode(),
                "authentication comes before the bucket");
        clock.advance(Duration.ofMillis(1700));
        assertEquals(200, c.get("/courses").statusCode(), "one token refilled");
        assertEquals(429, c.get("/courses").statusCode());
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, c.get("/courses").statusCode(), "refills to the burst, not beyond");
        }
        assertEquals(429, c.get("/courses").statusCode());
        assertEquals(3, sim.requestLog().count(e -> e.status() == 429));
    }

    @Test
    void burstRetryAfterAndBodyAreConfigurable() throws Exception {
        SchoologyTestClient c = start(config().rateLimitRequests(1).rateLimitWindow(Duration.ofSeconds(10))
                .rateLimitBurst(2).retryAfter(false).throttleBody("Rate limit exceeded").build());
        assertEquals(200, c.get("/courses").statusCode());
        assertEquals(200, c.get("/courses").statusCode());
        HttpResponse<String> r = c.get("/courses");
        assertEquals(429, r.statusCode());
        assertTrue(r.headers().firstValue("Retry-After").isEmpty());
        assertEquals("Rate limit exceeded", r.body());
        sim.setRateLimit(0, Duration.ofSeconds(1), 1);
        assertEquals(200, c.get("/courses").statusCode(), "off at run time");
    }

    @Test
    void defaultsAreFiftyPerFiveSeconds() {
        SchoologySimConfig cfg = SchoologySimConfig.defaults();
        assertEquals(50, cfg.rateLimitRequests());
        assertEquals(Duration.ofSeconds(5), cfg.rateLimitWindow());
        assertEquals(50, cfg.rateLimitBurst());
        assertTrue(cfg.retryAfter());
        assertEquals(20, cfg.defaultLimit());
        assertEquals(200, cfg.maxLimit());
    }

    @Test
    void injectedStatusFaultsAreLogged() throws Exception {
        SchoologyTestClient c = start();
        sim.faults().injectNext(1, "/v1/courses", Fault.serverError(503));
        sim.faults().injectNext(1, "/v1/courses", Fault.tooManyRequestsRetryAfterSeconds(7));
        assertEquals(503, c.get("/courses").statusCode());
        HttpResponse<String> r = c.get("/courses");
        assertEquals(429, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, c.get("/courses").statusCode());
        RequestLog.Entry first = sim.requestLog().entries().get(0);
        assertEquals("SERVER_ERROR_503", first.fault());
        assertTrue(first.hasAuthorization());
        assertEquals(2, sim.requestLog().count(e -> e.fault() != null));
    }

    @Test
    void duplicateAndMissingIdentityRecords() throws Exception {
        SchoologyTestClient c = start();
        sim.faults().injectNext(1, "/v1/users", Fault.record(RecordFault.DUPLICATE_RECORD));
        JsonNode users = c.getJson("/users?limit=4").get("user");
        assertEquals(5, users.size());
        assertEquals(users.get(2), users.get(4));
        sim.faults().injectNext(1, "/v1/users", Fault.record(RecordFault.MISSING_IDENTITY));
        JsonNode u = c.getJson("/users?limit=4").get("user").get(2);
        assertFalse(u.has("uid") || u.has("id"));
        String raw = c.get("/users?limit=1").body();
        assertTrue(raw.contains("\\/"), "unfaulted pages keep escaped slashes");
    }

    @Test
    void malformedRecordKeepsIdentity() throws Exception {
        SchoologyTestClient c = start();
        long sectionId = sim.allSectionIds(false).get(0);
        sim.faults().injectNext(1, "/v1/sections/", Fault.record(RecordFault.MALFORMED_RECORD));
        JsonNode a = c.getJson("/sections/" + sectionId + "/assignments").get("assignment").get(1);
        assertTrue(a.get("id").isNumber());
        assertEquals(JsonRecordFaults.GARBAGE, a.get("max_points").asText());
        assertEquals(JsonRecordFaults.GARBAGE, a.get("due").asText());
    }

    @Test
    void cursorLoopPointsNextAtSelf() throws Exception {
        SchoologyTestClient c = start();
        sim.faults().injectNext(1, "/v1/courses", Fault.record(RecordFault.CURSOR_LOOP));
        JsonNode page = c.getJson("/courses?limit=2");
        assertEquals(page.at("/links/self").asText(), page.at("/links/next").asText());
        String raw = c.get("/courses?limit=2").body();
        assertTrue(Json.read(raw).at("/links/next").asText().endsWith("start=2&limit=2"));
    }
}
