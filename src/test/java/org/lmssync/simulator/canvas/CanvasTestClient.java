package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import org.lmssync.simulator.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Canvas client does: bearer token, follow rel="next" until it is missing. */
final class CanvasTestClient {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String baseUrl;
    String token;

    CanvasTestClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return getUrl(pathAndQuery.startsWith("http") ? pathAndQuery : baseUrl + pathAndQuery);
    }

    HttpResponse<String> getUrl(String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
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

    /** rel -> URL of a response's Link header, in header order. */
    static Map<String, String> links(HttpResponse<?> r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.headers().firstValue("Link").ifPresent(h -> {
            Matcher m = LINK.matcher(h);
            while (m.find()) {
                out.put(m.group(2), m.group(1));
            }
        });
        return out;
    }

    /** Every record of a bare-array listing, following rel="next". */
    List<JsonNode> listAll(String pathAndQuery) throws Exception {
        return listAll(pathAndQuery, body -> body);
    }

    List<JsonNode> listAll(String pathAndQuery, Function<JsonNode, JsonNode> records) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String url = baseUrl + pathAndQuery;
        int pages = 0;
        while (url != null) {
            HttpResponse<String> r = getUrl(url);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
            }
            records.apply(Json.read(r.body())).forEach(out::add);
            url = links(r).get("next");
            if (++pages > 100_000) {
                throw new IllegalStateException("paging does not end");
            }
        }
        return out;
    }
}
