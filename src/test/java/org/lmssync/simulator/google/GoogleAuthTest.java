package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Json;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoogleAuthTest extends GoogleSimTestBase {

    @Test
    void keyFileHasServiceAccountLayout() throws Exception {
        GoogleTestClient c = start(config().build());
        JsonNode key = Json.read(Files.readString(tmp.resolve("key.json")));
        assertEquals("service_account", key.get("type").asText());
        assertEquals(sim.serviceAccountEmail(), key.get("client_email").asText());
        assertEquals(sim.tokenUri(), key.get("token_uri").asText());
        assertTrue(key.get("private_key").asText().startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertFalse(key.get("private_key_id").asText().isEmpty());
        assertFalse(key.get("client_id").asText().isEmpty());
        assertFalse(key.get("project_id").asText().isEmpty());
        assertEquals("RSA", c.privateKey.getAlgorithm());
    }

    @Test
    void jwtBearerFlowIssuesWorkingToken() throws Exception {
        GoogleTestClient c = start(config().build());
        HttpResponse<String> r = c.requestToken(c.jwt(Map.of(), c.privateKey));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = Json.read(r.body());
        assertTrue(body.get("access_token").asText().startsWith("ya29."));
        assertEquals(3599, body.get("expires_in").asInt());
        assertEquals("Bearer", body.get("token_type").asText());
        c.accessToken = body.get("access_token").asText();
        assertEquals(200, c.get("/v1/courses").statusCode());
        assertEquals(1, sim.activeTokenCount());
    }

    @Test
    void expiresInIsConfigurable() throws Exception {
        GoogleTestClient c = start(config().tokenExpiresInSeconds(120).build());
        JsonNode body = Json.read(c.requestToken(c.jwt(Map.of(), c.privateKey)).body());
        assertEquals(120, body.get("expires_in").asInt());
    }

    @Test
    void wrongSubjectIsUnauthorizedClient() throws Exception {
        GoogleTestClient c = start(config().build());
        HttpResponse<String> r = c.requestToken(c.jwt(Map.of("sub", "someone@example.edu"), c.privateKey));
        assertEquals(401, r.statusCode());
        assertEquals("unauthorized_client", Json.read(r.body()).get("error").asText());
        Map<String, Object> noSub = new HashMap<>();
        noSub.put("sub", null);
        assertEquals(401, c.requestToken(c.jwt(noSub, c.privateKey)).statusCode());
    }

    @Test
    void scopeOutsideDelegationIsUnauthorizedClient() throws Exception {
        GoogleTestClient c = start(config().delegatedScopes(Set.of(Scopes.COURSES_READONLY)).build());
        HttpResponse<String> r = c.requestToken(c.jwt(Map.of(), c.privateKey));
        assertEquals(401, r.statusCode());
        assertEquals("unauthorized_client", Json.read(r.body()).get("error").asText());
        assertEquals(200, c.requestToken(c.jwt(Map.of("scope", Scopes.COURSES_READONLY), c.privateKey)).statusCode());
    }

    @Test
    void badJwtsAreInvalidGrant() throws Exception {
        GoogleTestClient c = start(config().build());
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        var otherKey = g.generateKeyPair().getPrivate();
        long now = NOW.getEpochSecond();
        assertInvalidGrant(c.requestToken(c.jwt(Map.of(), otherKey)));
        assertInvalidGrant(c.requestToken(c.jwt(Map.of("aud", "https://evil.example/token"), c.privateKey)));
        assertInvalidGrant(c.requestToken(c.jwt(Map.of("iss", "intruder@x.iam.gserviceaccount.com"), c.privateKey)));
        assertInvalidGrant(c.requestToken(c.jwt(Map.of("exp", now + 3601), c.privateKey)));
        assertInvalidGrant(c.requestToken(c.jwt(Map.of("iat", now - 7200, "exp", now - 3600), c.privateKey)));
        assertInvalidGrant(c.requestToken("not.a.jwt"));
        String jwt = c.jwt(Map.of(), c.privateKey);
        String tampered = jwt.substring(0, jwt.indexOf('.') + 1)
                + GoogleTestClient.b64("{\"iss\":\"x\"}".getBytes()) + jwt.substring(jwt.lastIndexOf('.'));
        assertInvalidGrant(c.requestToken(tampered));
        assertEquals(0, sim.issuedTokenCount());
    }

    @Test
    void googleDefaultAudienceIsAcceptedUnlessDisabled() throws Exception {
        GoogleTestClient c = start(config().build());
        Map<String, Object> googleAud = Map.of("aud", GoogleSimConfig.GOOGLE_TOKEN_URI);
        assertEquals(200, c.requestToken(c.jwt(googleAud, c.privateKey)).statusCode());
        sim.close();
        c = start(config().extraTokenAudiences(Set.of()).build());
        assertInvalidGrant(c.requestToken(c.jwt(googleAud, c.privateKey)));
        assertEquals(200, c.requestToken(c.jwt(Map.of(), c.privateKey)).statusCode(), "own token URI still works");
    }

    @Test
    void missingScopeIsRejected() throws Exception {
        GoogleTestClient c = start(config().build());
        Map<String, Object> noScope = new HashMap<>();
        noScope.put("scope", null);
        HttpResponse<String> r = c.requestToken(c.jwt(noScope, c.privateKey));
        assertEquals(400, r.statusCode());
        assertEquals("invalid_scope", Json.read(r.body()).get("error").asText());
    }

    private static void assertInvalidGrant(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("invalid_grant", Json.read(r.body()).get("error").asText());
    }

    @Test
    void apiNeedsAValidBearer() throws Exception {
        GoogleTestClient c = start(config().build());
        HttpResponse<String> r = c.get("/v1/courses");
        assertEquals(401, r.statusCode());
        assertEquals("UNAUTHENTICATED", Json.read(r.body()).at("/error/status").asText());
        c.accessToken = "ya29.forged";
        assertEquals(401, c.get("/v1/courses").statusCode());
        assertEquals(401, c.get("/admin/reports/v1/usage/users/all/dates/2025-03-01").statusCode());
    }

    @Test
    void tokensExpireMidRun() throws Exception {
        GoogleTestClient c = startAndLogin();
        assertEquals(200, c.get("/v1/courses").statusCode());
        sim.expireAllTokens();
        HttpResponse<String> r = c.get("/v1/courses");
        assertEquals(401, r.statusCode());
        assertEquals(401, Json.read(r.body()).at("/error/code").asInt());
        c.login();
        assertEquals(200, c.get("/v1/courses").statusCode(), "a fresh token works again");
    }

    @Test
    void tokensExpireWithTheClock() throws Exception {
        GoogleTestClient c = start(config().tokenExpiresInSeconds(60).build()).login();
        assertEquals(200, c.get("/v1/courses").statusCode());
        clock.advance(java.time.Duration.ofSeconds(61));
        assertEquals(401, c.get("/v1/courses").statusCode());
    }

    @Test
    void scopesMustCoverTheCall() throws Exception {
        GoogleTestClient c = start(config().build()).login(Map.of("scope", Scopes.COURSES_READONLY));
        assertEquals(200, c.get("/v1/courses").statusCode());
        String courseId = sim.courses().get(0).get("id").asText();
        HttpResponse<String> r = c.get("/v1/courses/" + courseId + "/students");
        assertEquals(403, r.statusCode());
        assertEquals("PERMISSION_DENIED", Json.read(r.body()).at("/error/status").asText());
        assertEquals(403, c.get("/admin/reports/v1/usage/users/all/dates/2025-03-01").statusCode());
        // The read-write scope is also accepted for reads.
        c.login(Map.of("scope", Scopes.ROSTERS));
        assertEquals(200, c.get("/v1/courses/" + courseId + "/students").statusCode());
    }

    @Test
    void emailsNeedTheProfileEmailsScope() throws Exception {
        GoogleTestClient c = start(config().build()).login(Map.of("scope", Scopes.ROSTERS_READONLY));
        String courseId = sim.courses().get(0).get("id").asText();
        JsonNode s = c.getJson("/v1/courses/" + courseId + "/students").get("students").get(0);
        assertFalse(s.get("profile").has("emailAddress"));
        c.login();
        s = c.getJson("/v1/courses/" + courseId + "/students").get("students").get(0);
        assertTrue(s.at("/profile/emailAddress").asText().endsWith("@example.edu"));
    }

    @Test
    void bindsToLoopback() throws Exception {
        start(config().build());
        assertEquals("127.0.0.1", sim.server().address().getAddress().getHostAddress());
        assertTrue(sim.baseUrl().startsWith("http://127.0.0.1:"));
    }
}
