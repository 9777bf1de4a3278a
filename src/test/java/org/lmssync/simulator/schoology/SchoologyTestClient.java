package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmssync.simulator.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a Schoology client does: sign each GET with two-legged OAuth 1.0a and follow links.next.
 * The signer is written independently of the simulator's verifier so the two check each other.
 */
final class SchoologyTestClient {
    /** Overrides for one request's signature; null fields take the client's defaults. */
    record Signing(String method, String key, String secret, String nonce, Long timestamp, String token) {
        static Signing defaults() {
            return new Signing(null, null, null, null, null, null);
        }

        Signing withMethod(String m) { return new Signing(m, key, secret, nonce, timestamp, token); }
        Signing withKey(String k) { return new Signing(method, k, secret, nonce, timestamp, token); }
        Signing withSecret(String s) { return new Signing(method, key, s, nonce, timestamp, token); }
        Signing withNonce(String n) { return new Signing(method, key, secret, n, timestamp, token); }
        Signing withTimestamp(long t) { return new Signing(method, key, secret, nonce, t, token); }
        Signing withToken(String t) { return new Signing(method, key, secret, nonce, timestamp, t); }
    }

    private static final AtomicLong NONCES = new AtomicLong();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final SchoologySimulator sim;
    String signatureMethod = "HMAC-SHA1";

    SchoologyTestClient(SchoologySimulator sim) {
        this.sim = sim;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** The Authorization header for GET {@code url}, realm first and signature last as Schoology documents. */
    String authorization(String httpMethod, URI url, Signing s) throws Exception {
        String sigMethod = s.method() != null ? s.method() : signatureMethod;
        String key = s.key() != null ? s.key() : sim.consumerKey();
        String secret = s.secret() != null ? s.secret() : sim.consumerSecret();
        String token = s.token() != null ? s.token() : "";
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", key);
        oauth.put("oauth_nonce", s.nonce() != null ? s.nonce() : "n" + System.nanoTime() + "x" + NONCES.incrementAndGet());
        oauth.put("oauth_signature_method", sigMethod);
        oauth.put("oauth_timestamp", String.valueOf(s.timestamp() != null ? s.timestamp() : sim.clock().instant().getEpochSecond()));
        oauth.put("oauth_token", token);
        oauth.put("oauth_version", "1.0");
        String signature;
        if (sigMethod.equals("PLAINTEXT")) {
            signature = enc(secret) + "&";
        } else {
            List<String[]> pairs = new ArrayList<>();
            String q = url.getRawQuery();
            if (q != null && !q.isEmpty()) {
                for (String kv : q.split("&")) {
                    int eq = kv.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                    pairs.add(new String[] {enc(k), enc(v)});
                }
            }
            oauth.forEach((k, v) -> pairs.add(new String[] {enc(k), enc(v)}));
            // By encoded name, then encoded value (sorting "k=v" strings would misplace "a2" before "a").
            pairs.sort((x, y) -> x[0].equals(y[0]) ? x[1].compareTo(y[1]) : x[0].compareTo(y[0]));
            String base = httpMethod + "&" + enc(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath())
                    + "&" + enc(String.join("&", pairs.stream().map(p -> p[0] + "=" + p[1]).toList()));
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((enc(secret) + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            signature = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        }
        StringBuilder h = new StringBuilder("OAuth realm=\"Schoology API\"");
        oauth.forEach((k, v) -> h.append(',').append(k).append("=\"").append(enc(v)).append('"'));
        return h.append(",oauth_signature=\"").append(enc(signature)).append('"').toString();
    }

    URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : sim.apiBaseUrl() + pathOrUrl);
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        return get(pathOrUrl, Signing.defaults());
    }

    HttpResponse<String> get(String pathOrUrl, Signing s) throws Exception {
        URI u = uri(pathOrUrl);
        return send(u, authorization("GET", u, s));
    }

    HttpResponse<String> send(URI u, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String pathOrUrl) throws Exception {
        HttpResponse<String> r = get(pathOrUrl);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(pathOrUrl + " -> " + r.statusCode() + " " + r.body());
        }
        return Json.read(r.body());
    }

    /** Follows links.next to the end and returns every item under {@code key}. */
    List<JsonNode> listAll(String pathOrUrl, String key) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String next = pathOrUrl;
        int pages = 0;
        while (next != null) {
            JsonNode page = getJson(next);
            page.path(key).forEach(out::add);
            JsonNode n = page.path("links").path("next");
            next = n.isMissingNode() ? null : n.asText();
            if (++pages > 10_000) {
                throw new IllegalStateException("paging does not end");
            }
        }
        return out;
    }
}
