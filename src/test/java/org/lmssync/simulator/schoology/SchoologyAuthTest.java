package org.lmssync.simulator.schoology;

import org.junit.jupiter.api.Test;
import org.lmssync.simulator.RequestLog;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchoologyAuthTest extends SchoologySimTestBase {
    private static final SchoologyTestClient.Signing DEFAULT = SchoologyTestClient.Signing.defaults();

    @Test
    void hmacSha1AndPlaintextAreBothAccepted() throws Exception {
        SchoologyTestClient c = start();
        assertEquals(200, c.get("/users?start=0&limit=5", DEFAULT.withMethod("HMAC-SHA1")).statusCode());
        assertEquals(200, c.get("/users?start=0&limit=5", DEFAULT.withMethod("PLAINTEXT")).statusCode());
        RequestLog.Entry last = sim.requestLog().entries().get(1);
        assertTrue(last.headers().get("authorization").startsWith("OAuth realm=\"Schoology API\""));
        assertTrue(last.headers().get("authorization").endsWith("oauth_signature=\"" + sim.consumerSecret() + "%26\""));
    }

    @Test
    void configuredCredentialsAreUsed() throws Exception {
        SchoologyTestClient c = start(config().consumerKey("my-key").consumerSecret("s3cr3t+/=").build());
        assertEquals("my-key", sim.consumerKey());
        assertEquals("s3cr3t+/=", sim.consumerSecret());
        assertEquals(200, c.get("/courses").statusCode());
        assertEquals(200, c.get("/courses", DEFAULT.withMethod("PLAINTEXT")).statusCode());
    }

    @Test
    void wrongSecretIs401ForBothMethods() throws Exception {
        SchoologyTestClient c = start();
        HttpResponse<String> r = c.get("/users", DEFAULT.withSecret("wrong"));
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("signature"), r.body());
        assertEquals("OAuth realm=\"Schoology API\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(401, c.get("/users", DEFAULT.withSecret("wrong").withMethod("PLAINTEXT")).statusCode());
    }

    @Test
    void wrongKeyTokenOrMissingHeaderIs401() throws Exception {
        SchoologyTestClient c = start();
        assertEquals(401, c.get("/users", DEFAULT.withKey("someone-else")).statusCode());
        assertEquals(401, c.get("/users", DEFAULT.withToken("a-user-token")).statusCode());
        assertEquals(401, c.send(c.uri("/users"), null).statusCode());
        assertEquals(401, c.send(c.uri("/users"), "Bearer abc").statusCode());
    }

    @Test
    void replayedNonceIs401() throws Exception {
        SchoologyTestClient c = start();
        long ts = clock.instant().getEpochSecond();
        var once = DEFAULT.withNonce("abc123").withTimestamp(ts);
        assertEquals(200, c.get("/courses", once).statusCode());
        HttpResponse<String> again = c.get("/courses", once);
        assertEquals(401, again.statusCode());
        assertTrue(again.body().contains("Duplicate timestamp/nonce combination"), again.body());
        assertEquals(200, c.get("/courses", once.withTimestamp(ts - 1)).statusCode(), "same nonce, other timestamp");
        assertEquals(401, c.get("/courses", once.withMethod("PLAINTEXT")).statusCode(), "PLAINTEXT is checked too");
    }

    @Test
    void timestampOutsideSkewIs401() throws Exception {
        SchoologyTestClient c = start(config().timestampSkewSeconds(60).build());
        long now = clock.instant().getEpochSecond();
        assertEquals(200, c.get("/courses", DEFAULT.withTimestamp(now - 60)).statusCode());
        assertEquals(401, c.get("/courses", DEFAULT.withTimestamp(now - 61)).statusCode());
        assertEquals(401, c.get("/courses", DEFAULT.withTimestamp(now + 61)).statusCode());
    }

    @Test
    void timestampRegressionIsRejectedWhenConfigured() throws Exception {
        SchoologyTestClient c = start(config().rejectTimestampRegression(true).build());
        long now = clock.instant().getEpochSecond();
        assertEquals(200, c.get("/courses", DEFAULT.withTimestamp(now)).statusCode());
        assertEquals(401, c.get("/courses", DEFAULT.withTimestamp(now - 5)).statusCode());
        assertEquals(200, c.get("/courses", DEFAULT.withTimestamp(now)).statusCode(), "equal is fine");
    }

    @Test
    void signatureCoversQueryAndPath() throws Exception {
        SchoologyTestClient c = start();
        var signedFor = c.uri("/users?start=0&limit=5");
        String header = c.authorization("GET", signedFor, DEFAULT);
        assertEquals(401, c.send(c.uri("/users?start=20&limit=5"), header).statusCode(), "query changed");
        String header2 = c.authorization("GET", signedFor, DEFAULT);
        assertEquals(401, c.send(c.uri("/courses?start=0&limit=5"), header2).statusCode(), "path changed");
        String header3 = c.authorization("GET", signedFor, DEFAULT);
        assertEquals(200, c.send(signedFor, header3).statusCode());
    }

    @Test
    void signatureMethodsCanBeSwitchedOff() throws Exception {
        SchoologyTestClient c = start(config().acceptPlaintext(false).build());
        assertEquals(401, c.get("/users", DEFAULT.withMethod("PLAINTEXT")).statusCode());
        assertEquals(200, c.get("/users", DEFAULT.withMethod("HMAC-SHA1")).statusCode());
    }
}
