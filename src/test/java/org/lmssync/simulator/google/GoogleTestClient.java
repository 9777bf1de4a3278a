package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmssync.simulator.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A minimal client doing what a real Google client does: sign a JWT, get a token, call the API. */
final class GoogleTestClient {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final GoogleSimulator sim;
    final JsonNode key;
    final PrivateKey privateKey;
    String accessToken;

    GoogleTestClient(GoogleSimulator sim, Path keyFile) throws Exception {
        this.sim = sim;
        this.key = Json.read(Files.readString(keyFile));
        String pem = key.get("private_key").asText()
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        this.privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Builds and signs a JWT; {@code claims} overrides/extends the defaults (null value removes). */
    String jwt(Map<String, Object> overrides, PrivateKey signer) throws Exception {
        long now = sim.clock().instant().getEpochSecond();
        var claims = Json.object()
                .put("iss", key.get("client_email").asText())
                .put("sub", sim.adminEmail())
                .put("scope", String.join(" ", Scopes.COURSES_READONLY, Scopes.ROSTERS_READONLY,
                        Scopes.PROFILE_EMAILS, Scopes.COURSEWORK_STUDENTS_READONLY,
                        Scopes.SUBMISSIONS_STUDENTS_READONLY, Scopes.REPORTS_USAGE_READONLY))
                .put("aud", key.get("token_uri").asText())
                .put("iat", now)
                .put("exp", now + 3600);
        overrides.forEach((k, v) -> {
            if (v == null) {
                claims.remove(k);
            } else if (v instanceof Long l) {
                claims.put(k, l);
            } else {
                claims.put(k, v.toString());
            }
        });
        var header = Json.object().put("alg", "RS256").put("typ", "JWT").put("kid", key.get("private_key_id").asText());
        String signingInput = b64(Json.bytes(header)) + "." + b64(Json.bytes(claims));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(signer);
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(s.sign());
    }

    HttpResponse<String> requestToken(String jwt) throws Exception {
        String form = "grant_type=" + URLEncoder.encode(TokenService.JWT_BEARER, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(jwt, StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(key.get("token_uri").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    GoogleTestClient login() throws Exception {
        return login(Map.of());
    }

    GoogleTestClient login(Map<String, Object> overrides) throws Exception {
        HttpResponse<String> r = requestToken(jwt(overrides, privateKey));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + r.statusCode() + " " + r.body());
        }
        accessToken = Json.read(r.body()).get("access_token").asText();
        return this;
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        if (accessToken != null) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(pathAndQuery + " -> " + r.statusCode() + " " + r.body());
        }
        return Json.read(r.body());
    }

    /** Follows nextPageToken to the end; asserts the token is absent only on the last page. */
    List<JsonNode> listAll(String path, String query, String field) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String q = query + (token == null ? "" : (query.isEmpty() ? "" : "&") + "pageToken=" + token);
            JsonNode page = getJson(path + (q.isEmpty() ? "" : "?" + q));
            page.path(field).forEach(out::add);
            token = page.has("nextPageToken") ? page.get("nextPageToken").asText() : null;
            if (++pages > 100_000) {
                throw new IllegalStateException("paging does not end");
            }
        } while (token != null);
        return out;
    }

}
