package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Json;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaginationTest extends CanvasSimTestBase {

    @Test
    void linkHeaderHasCanvasFormatOrderAndEncoding() throws Exception {
        CanvasTestClient c = start();
        int total = sim.courses(List.of("available", "completed")).size();
        assertTrue(total > 4, "need a few pages");
        HttpResponse<String> r = c.get("/api/v1/accounts/self/courses?state[]=available&state[]=completed"
                + "&per_page=2&page=2&access_token=" + sim.accessToken() + "&include[]=term");
        assertEquals(200, r.statusCode());
        String base = sim.baseUrl() + "/api/v1/accounts/self/courses?include%5B%5D=term&state%5B%5D=available"
                + "&state%5B%5D=completed&";
        int last = (total + 1) / 2;
        String expected = "<" + base + "page=2&per_page=2>; rel=\"current\","
                + "<" + base + "page=3&per_page=2>; rel=\"next\","
                + "<" + base + "page=1&per_page=2>; rel=\"prev\","
                + "<" + base + "page=1&per_page=2>; rel=\"first\","
                + "<" + base + "page=" + last + "&per_page=2>; rel=\"last\"";
        assertEquals(expected, r.headers().firstValue("Link").orElseThrow());
        assertEquals(2, Json.read(r.body()).size());
    }

    @Test
    void firstAndLastPagesOmitRelsThatDoNotApply() throws Exception {
        CanvasTestClient c = start();
        HttpResponse<String> first = c.get("/api/v1/accounts/1/courses?per_page=5");
        assertEquals(List.of("current", "next", "first", "last"), List.copyOf(CanvasTestClient.links(first).keySet()));
        String lastUrl = CanvasTestClient.links(first).get("last");
        HttpResponse<String> last = c.get(lastUrl);
        assertEquals(List.of("current", "prev", "first", "last"), List.copyOf(CanvasTestClient.links(last).keySet()));
        assertEquals(lastUrl, CanvasTestClient.links(last).get("current"));
    }

    @Test
    void perPageDefaultsToTenAndIsClampedSilently() throws Exception {
        CanvasTestClient c = start();
        int users = sim.users(false).size();
        assertTrue(users > 10);
        HttpResponse<String> dflt = c.get("/api/v1/accounts/self/users");
        assertEquals(10, Json.read(dflt.body()).size());
        assertTrue(CanvasTestClient.links(dflt).get("current").endsWith("page=1&per_page=10"));

        HttpResponse<String> big = c.get("/api/v1/accounts/self/users?per_page=500");
        assertEquals(200, big.statusCode());
        assertEquals(Math.min(100, users), Json.read(big.body()).size());
        CanvasTestClient.links(big).values().forEach(u -> assertTrue(u.endsWith("&per_page=100"), u));

        assertEquals(1, c.getJson("/api/v1/accounts/self/users?per_page=0").size());
        assertEquals(1, c.getJson("/api/v1/accounts/self/users?per_page=abc").size());
        assertEquals(7, c.getJson("/api/v1/accounts/self/users?per_page=7x").size(), "Ruby to_i reads leading digits");
    }

    @Test
    void pagePastTheEndIsAnEmptyArray() throws Exception {
        CanvasTestClient c = start();
        HttpResponse<String> r = c.get("/api/v1/accounts/self/courses?page=99");
        assertEquals(200, r.statusCode());
        assertEquals("[]", r.body());
        Map<String, String> links = CanvasTestClient.links(r);
        assertEquals(List.of("current", "prev", "first"), List.copyOf(links.keySet()));
        assertTrue(links.get("prev").contains("page=98&"));
        assertEquals(404, c.get("/api/v1/accounts/self/courses?page=0").statusCode());
        assertEquals(404, c.get("/api/v1/accounts/self/courses?page=abc").statusCode());
    }

    @Test
    void followingNextReturnsTheCompleteListing() throws Exception {
        CanvasTestClient c = start();
        assertEquals(sim.courses(), c.listAll("/api/v1/accounts/self/courses?per_page=3"));
        assertEquals(sim.users(true), c.listAll("/api/v1/accounts/self/users?include_deleted_users=true&per_page=7"));
        long course = sim.courses().get(0).get("id").asLong();
        assertEquals(sim.sections(course), c.listAll("/api/v1/courses/" + course + "/sections?per_page=1"));
        assertEquals(sim.assignments(course), c.listAll("/api/v1/courses/" + course + "/assignments?per_page=2"));
        long section = sim.sections(course).get(0).get("id").asLong();
        assertEquals(sim.enrollments(section), c.listAll("/api/v1/sections/" + section + "/enrollments?per_page=2"));
    }

    @Test
    void rubyQueryEncoding() {
        assertEquals("a+b%3A%2F%5B%5D~_.-", LinkHeader.cgiEscape("a b:/[]~_.-"));
        assertEquals("%C3%A9", LinkHeader.cgiEscape("é"));
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("start_time", List.of("2022-01-01T00:00:00Z"));
        params.put("state[]", List.of("completed", "available"));
        params.put("end_time", List.of("2022-02-24"));
        params.put("page", List.of("2"));
        params.put("per_page", List.of("5"));
        params.put("api_key", List.of("x"));
        params.put("dup", List.of("first", "second"));
        assertEquals("dup=second&end_time=2022-02-24&start_time=2022-01-01T00%3A00%3A00Z"
                + "&state%5B%5D=completed&state%5B%5D=available", LinkHeader.toQuery(params));
    }

    @Test
    void linksStayUnderTheSizeCapInPriorityOrder() {
        String pad = "x".repeat(1400);
        Map<String, List<String>> params = Map.of("search_term", List.of(pad));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("current", "3");
        pages.put("next", "4");
        pages.put("prev", "2");
        pages.put("first", "1");
        pages.put("last", "9");
        String url = "http://127.0.0.1:1/api/v1/accounts/1/users";
        String header = LinkHeader.build(url, params, pages, 10, 6 * 1024);
        // Each link is ~1,490 characters: next, last, prev and current fit in 6 KB, first does not.
        assertTrue(header.contains("rel=\"next\"") && header.contains("rel=\"last\"")
                && header.contains("rel=\"prev\"") && header.contains("rel=\"current\""));
        assertFalse(header.contains("rel=\"first\""));
        assertTrue(header.indexOf("rel=\"current\"") < header.indexOf("rel=\"next\""), "printed in rel order");
        String tight = LinkHeader.build(url, params, pages, 10, 3000);
        assertTrue(tight.contains("rel=\"next\"") && tight.contains("rel=\"last\""));
        assertFalse(tight.contains("rel=\"prev\"") || tight.contains("rel=\"current\""));
        assertNull(LinkHeader.build(url, params, pages, 10, 100));
    }

    @Test
    void linksUseTheConfiguredCapOverHttp() throws Exception {
        CanvasTestClient c = start(config().linkHeaderMaxBytes(600).build());
        HttpResponse<String> r = c.get("/api/v1/accounts/self/users?per_page=2&page=2&search_term=" + "y".repeat(150));
        Map<String, String> links = CanvasTestClient.links(r);
        assertEquals(List.of("next", "last"), List.copyOf(links.keySet()));
        JsonNode body = Json.read(r.body());
        assertEquals(2, body.size());
    }
}
