package org.lmssync.simulator.schoology;

import org.junit.jupiter.api.Test;
import org.lmssync.simulator.QueryString;
import org.lmssync.simulator.SimClock;
import org.lmssync.simulator.SimRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server-side signature routines against published worked examples. */
class OAuth1Test {

    private static OAuthVerifier verifier() {
        return new OAuthVerifier(SchoologySimConfig.builder().build(), SimClock.fixed(Instant.EPOCH), () -> "127.0.0.1:1");
    }

    private static SimRequest request(String method, String host, String path, String rawQuery, String form) {
        Map<String, List<String>> headers = form == null
                ? Map.of("host", List.of(host))
                : Map.of("host", List.of(host), "content-type", List.of("application/x-www-form-urlencoded"));
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
        return new SimRequest(method, path, rawQuery, QueryString.parse(rawQuery), headers, body, Instant.EPOCH);
    }

    /**
     * The photos.example.net request signed with HMAC-SHA1 and a token. Its signature
     * tR3+Ty81lMeYAr/Fid0kMTYa/WM= is the value published with this request in the OAuth Core 1.0
     * worked example (Appendix A.5); RFC 5849 §1.2 reuses the request with other nonce/timestamp.
     */
    @Test
    void photosExampleReproducesPublishedHmacSignature() {
        SimRequest req = request("GET", "photos.example.net", "/photos", "file=vacation.jpg&size=original", null);
        Map<String, String> oauth = Map.of(
                "realm", "Photos",
                "oauth_consumer_key", "dpf43f3p2l4k3l03",
                "oauth_token", "nnch734d00sl2jdk",
                "oauth_signature_method", "HMAC-SHA1",
                "oauth_timestamp", "1191242096",
                "oauth_nonce", "kllo9940pd9333jh",
                "oauth_version", "1.0",
                "oauth_signature", "ignored");
        String base = verifier().baseString(req, oauth);
        assertEquals("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3D"
                + "dpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26"
                + "oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26"
                + "size%3Doriginal", base);
        assertEquals("tR3+Ty81lMeYAr/Fid0kMTYa/WM=", OAuth1.hmacSha1(base, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"));
    }

    /** RFC 5849 §3.4.1.1: repeated names, encoded values, a "+" in a form body, empty values. */
    @Test
    void rfc5849BaseStringExample() {
        SimRequest req = request("POST", "example.com", "/request", "b5=%3D%253D&a3=a&c%40=&a2=r%20b", "c2&a3=2+q");
        Map<String, String> oauth = Map.of(
                "realm", "Example",
                "oauth_consumer_key", "9djdj82h48djs9d2",
                "oauth_token", "kkk9d7dh3k39sjv7",
                "oauth_signature_method", "HMAC-SHA1",
                "oauth_timestamp", "137131201",
                "oauth_nonce", "7d8f3e4a",
                "oauth_signature", "bYT5CMsGcbgUdFHObYMEfcx6bsw%3D");
        assertEquals("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D"
                + "%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3D"
                + "kkk9d7dh3k39sjv7", verifier().baseString(req, oauth));
    }

    @Test
    void baseStringUriKeepsOnlyNonDefaultPorts() {
        assertEquals("http://example.com/r%20x", OAuth1.baseStringUri("HTTP", "Example.COM:80", "/r%20x"));
        assertEquals("https://example.com/", OAuth1.baseStringUri("https", "example.com:443", ""));
        assertEquals("http://127.0.0.1:8080/v1/users", OAuth1.baseStringUri("http", "127.0.0.1:8080", "/v1/users"));
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertEquals("Ladies%20%2B%20Gentlemen", OAuth1.encode("Ladies + Gentlemen"));
        assertEquals("-._~", OAuth1.encode("-._~"));
        assertEquals("%C3%A9%2A%21", OAuth1.encode("é*!"));
        assertEquals("a+b é", OAuth1.decode("a+b%20%C3%A9"));
    }

    @Test
    void parsesSchoologysDocumentedPlaintextHeader() {
        String header = "OAuth realm=\"Schoology API\",oauth_consumer_key=\"dpf43f3p2l4k3l03\",oauth_token=\"\","
                + "oauth_nonce=\"kllo9940pd9333jh\",oauth_timestamp=\"1200376800\",oauth_signature_method=\"PLAINTEXT\","
                + "oauth_version=\"1.0\",oauth_signature=\"kd94hf93k423kf44%26\"";
        Map<String, String> p = OAuthHeader.parse(header).orElseThrow();
        assertEquals("Schoology API", p.get("realm"));
        assertEquals("", p.get("oauth_token"));
        assertEquals("kd94hf93k423kf44&", p.get("oauth_signature"));
        assertEquals(OAuth1.plaintext("kd94hf93k423kf44", ""), p.get("oauth_signature"));
        assertTrue(OAuthHeader.parse("Bearer abc").isEmpty());
        assertTrue(OAuthHeader.parse("OAuth a=\"1\", a=\"2\"").isEmpty(), "repeated parameter");
    }
}
