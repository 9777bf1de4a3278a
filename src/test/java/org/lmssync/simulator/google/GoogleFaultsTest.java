package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.JsonRecordFaults;
import org.lmssync.simulator.RecordFault;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoogleFaultsTest extends GoogleSimTestBase {

    @Test
    void quotaAnswers429ResourceExhausted() throws Exception {
        GoogleTestClient c = start(config().quotaPerMinute(5).build()).login();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, c.get("/v1/courses").statusCode());
        }
        HttpResponse<String> r = c.get("/v1/courses");
        assertEquals(429, r.statusCode());
        JsonNode err = Json.read(r.body()).get("error");
        assertEquals(429, err.get("code").asInt());
        assertEquals("RESOURCE_EXHAUSTED", err.get("status").asText());
        assertTrue(err.get("message").asText().startsWith("Quota exceeded"));
        assertTrue(r.headers().firstValue("Retry-After").isEmpty(), "no Retry-After by default");
        assertEquals(200, c.requestToken(c.jwt(java.util.Map.of(), c.privateKey)).statusCode(),
                "the token endpoint is not metered");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(200, c.get("/v1/courses").statusCode(), "the window moved on");
    }

    @Test
    void quotaRetryAfterAndReportsStatusAreConfigurable() throws Exception {
        GoogleTestClient c = start(config().quotaPerMinute(1).quotaRetryAfterSeconds(20).reportsQuotaStatus(503)
                .build()).login();
        assertEquals(200, c.get("/v1/courses").statusCode());
        HttpResponse<String> r = c.get("/v1/courses");
        assertEquals(429, r.statusCode());
        assertEquals("20", r.headers().firstValue("Retry-After").orElseThrow());
        HttpResponse<String> rep = c.get("/admin/reports/v1/usage/users/all/dates/2025-03-01");
        assertEquals(503, rep.statusCode());
        assertEquals("quotaExceeded", Json.read(rep.body()).at("/error/errors/0/reason").asText());
        sim.setQuotaPerMinute(0);
        assertEquals(200, c.get("/v1/courses").statusCode());
    }

    @Test
    void injectedErrorsUseGoogleEnvelope() throws Exception {
        GoogleTestClient c = startAndLogin();
        sim.faults().injectNext(1, "/v1/", Fault.serverError(503));
        HttpResponse<String> r = c.get("/v1/courses");
        assertEquals(503, r.statusCode());
        assertEquals("UNAVAILABLE", Json.read(r.body()).at("/error/status").asText());
        sim.faults().injectNext(1, "/v1/", Fault.tooManyRequestsRetryAfterSeconds(3));
        r = c.get("/v1/courses");
        assertEquals(429, r.statusCode());
        assertEquals("RESOURCE_EXHAUSTED", Json.read(r.body()).at("/error/status").asText());
        assertEquals("3", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(2, sim.requestLog().count(e -> e.fault() != null));
    }

    @Test
    void injectedNotFoundUsesGoogleEnvelopeAndExpiredCredentialsMeetTheApis401() throws Exception {
        GoogleTestClient c = startAndLogin();
        var notFound = sim.faults().injectNext(1, "/v1/", Fault.notFound());
        HttpResponse<String> r = c.get("/v1/courses");
        assertEquals(404, r.statusCode());
        assertEquals("NOT_FOUND", Json.read(r.body()).at("/error/status").asText());
        assertEquals(1, notFound.fired());
        long active = sim.activeTokenCount();
        assertTrue(active >= 1);
        var expire = sim.faults().injectNext(1, "/v1/", Fault.expireCredentials());
        r = c.get("/v1/courses");
        assertEquals(401, r.statusCode(), "the token held expired just before the request");
        assertEquals("UNAUTHENTICATED", Json.read(r.body()).at("/error/status").asText());
        assertEquals(1, expire.fired());
        assertEquals(0, sim.activeTokenCount());
        assertEquals(401, c.get("/v1/courses").statusCode(), "still expired: only a new token cures it");
        c.login();
        assertEquals(200, c.get("/v1/courses").statusCode());
    }

    @Test
    void duplicateRecordInPage() throws Exception {
        GoogleTestClient c = startAndLogin();
        sim.faults().injectNext(1, "/v1/courses", Fault.record(RecordFault.DUPLICATE_RECORD));
        JsonNode courses = c.getJson("/v1/courses?pageSize=4").get("courses");
        assertEquals(5, courses.size());
        assertEquals(courses.get(2), courses.get(4));
    }

    @Test
    void recordMissingIdentity() throws Exception {
        GoogleTestClient c = startAndLogin();
        String id = sim.courses().get(0).get("id").asText();
        sim.faults().injectNext(1, "/v1/courses/" + id + "/students", Fault.record(RecordFault.MISSING_IDENTITY));
        JsonNode students = c.getJson("/v1/courses/" + id + "/students").get("students");
        assertFalse(students.get(students.size() / 2).has("userId"));
        assertTrue(students.get(0).has("userId"));
    }

    @Test
    void malformedRecordKeepsItsId() throws Exception {
        GoogleTestClient c = startAndLogin();
        String id = sim.courses().get(0).get("id").asText();
        sim.faults().injectNext(1, "/v1/courses/" + id + "/courseWork", Fault.record(RecordFault.MALFORMED_RECORD));
        JsonNode work = c.getJson("/v1/courses/" + id + "/courseWork").get("courseWork");
        JsonNode bad = work.get(work.size() / 2);
        assertEquals(sim.courseWork(id).get(work.size() / 2).get("id"), bad.get("id"));
        assertEquals(JsonRecordFaults.GARBAGE, bad.get("updateTime").asText());
        assertEquals(JsonRecordFaults.GARBAGE, bad.get("dueDate").asText());
    }

    @Test
    void cursorLoopPointsBackAtTheSamePage() throws Exception {
        GoogleTestClient c = startAndLogin();
        JsonNode first = c.getJson("/v1/courses?pageSize=2");
        String token = first.get("nextPageToken").asText();
        sim.faults().injectNext(1, "/v1/courses", Fault.record(RecordFault.CURSOR_LOOP));
        JsonNode second = c.getJson("/v1/courses?pageSize=2&pageToken=" + token);
        assertEquals(token, second.get("nextPageToken").asText());

        sim.faults().injectNext(1, "/v1/courses", Fault.record(RecordFault.CURSOR_LOOP));
        JsonNode looped = c.getJson("/v1/courses?pageSize=2");
        JsonNode again = c.getJson("/v1/courses?pageSize=2&pageToken=" + looped.get("nextPageToken").asText());
        assertEquals(first.get("courses"), again.get("courses"), "following the loop serves page one again");
    }

    @Test
    void truncatedUsageReportIsUnparsable() throws Exception {
        GoogleTestClient c = startAndLogin();
        sim.faults().injectNext(1, "/admin/", Fault.truncatedJson());
        HttpResponse<String> r = c.get("/admin/reports/v1/usage/users/all/dates/2025-03-01");
        assertEquals(200, r.statusCode());
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> Json.mapper().readTree(r.body()));
    }
}
