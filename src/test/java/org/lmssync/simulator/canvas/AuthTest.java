package org.lmssync.simulator.canvas;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthTest extends CanvasSimTestBase {
    private static final String INVALID = "{\"errors\":[{\"message\":\"Invalid access token.\"}]}";

    private static void assertInvalidToken(HttpResponse<String> r) {
        assertEquals(401, r.statusCode());
        assertEquals("Bearer realm=\"canvas-lms\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(INVALID, r.body());
    }

    @Test
    void missingOrBadTokenIs401() throws Exception {
        CanvasTestClient c = start();
        c.token = null;
        assertInvalidToken(c.get("/api/v1/accounts"));
        c.token = "nope";
        assertInvalidToken(c.get("/api/v1/accounts/self/courses"));
        assertEquals(2, sim.requestLog().count(e -> e.status() == 401));
    }

    @Test
    void accessTokenParameterWorksAndRevocationBites() throws Exception {
        CanvasTestClient c = start(config().accessToken("abc123").build());
        c.token = null;
        assertEquals(200, c.get("/api/v1/accounts?access_token=abc123").statusCode());
        c.token = "abc123";
        assertEquals(200, c.get("/api/v1/accounts").statusCode());
        sim.revokeAccessToken("abc123");
        assertInvalidToken(c.get("/api/v1/accounts"));
    }

    @Test
    void deniedPathsAnswerPermissionErrors() throws Exception {
        CanvasTestClient c = start();
        long user = sim.users(false).get(0).get("id").asLong();
        sim.deny("/api/v1/audit/", Denial.UNAUTHORIZED);
        HttpResponse<String> r = c.get("/api/v1/audit/authentication/users/" + user);
        assertEquals(401, r.statusCode());
        assertEquals("{\"status\":\"unauthorized\",\"errors\":[{\"message\":\"user not authorized to perform that action\"}]}",
                r.body());
        assertEquals(200, c.get("/api/v1/accounts").statusCode());

        sim.clearDenials();
        sim.deny("/api/v1/accounts/self/users", Denial.FORBIDDEN);
        HttpResponse<String> f = c.get("/api/v1/accounts/self/users");
        assertEquals(403, f.statusCode());
        assertEquals("application/json; charset=UTF-8", f.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(0, sim.throttledCount(), "a permission 403 is not a throttle");
        sim.clearDenials();
        assertEquals(200, c.get("/api/v1/accounts/self/users").statusCode());
    }
}
