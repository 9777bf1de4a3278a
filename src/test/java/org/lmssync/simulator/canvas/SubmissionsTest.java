package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionsTest extends CanvasSimTestBase {

    private long firstCourse() {
        return sim.courses(List.of("available")).get(0).get("id").asLong();
    }

    @Test
    void submissionsUseBookmarksWithoutLast() throws Exception {
        CanvasTestClient c = start();
        long course = firstCourse();
        String path = "/api/v1/courses/" + course + "/students/submissions";
        HttpResponse<String> first = c.get(path + "?student_ids[]=all&per_page=5");
        Map<String, String> links = CanvasTestClient.links(first);
        assertEquals(List.of("current", "next", "first"), List.copyOf(links.keySet()));
        String base = sim.baseUrl() + path + "?student_ids%5B%5D=all&";
        assertEquals(base + "page=first&per_page=5", links.get("current"));
        assertEquals(base + "page=first&per_page=5", links.get("first"));
        String next = links.get("next");
        assertTrue(next.startsWith(base + "page=bookmark:"), next);
        String token = next.substring(next.indexOf("bookmark:") + 9, next.indexOf("&per_page"));
        JsonNode decoded = Json.read(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        JsonNode page = Json.read(first.body());
        assertEquals("[" + page.get(4).get("id").asLong() + "]", Json.text(decoded), "bookmark is the last id");

        HttpResponse<String> second = c.get(next);
        assertEquals(next, CanvasTestClient.links(second).get("current"));
        assertFalse(CanvasTestClient.links(second).containsKey("prev"));
        assertFalse(CanvasTestClient.links(second).containsKey("last"));

        List<JsonNode> all = c.listAll(path + "?student_ids[]=all&per_page=7");
        assertEquals(sim.submissions(course, null, null), all);
        assertTrue(all.size() > 20);
        assertTrue(all.stream().anyMatch(s -> s.get("workflow_state").asText().equals("unsubmitted")));
        assertTrue(all.stream().anyMatch(s -> s.get("workflow_state").asText().equals("graded")));
    }

    @Test
    void withoutStudentIdsTheAdminSeesNothing() throws Exception {
        CanvasTestClient c = start();
        assertEquals("[]", c.get("/api/v1/courses/" + firstCourse() + "/students/submissions").body());
    }

    @Test
    void submittedSinceAndGradedSinceAreStrict() throws Exception {
        CanvasTestClient c = start();
        long course = firstCourse();
        List<JsonNode> all = sim.submissions(course, null, null);
        JsonNode graded = all.stream().filter(s -> !s.get("graded_at").isNull()).findFirst().orElseThrow();
        String gradedAt = graded.get("graded_at").asText();
        String path = "/api/v1/courses/" + course + "/students/submissions?student_ids[]=all&per_page=100";
        List<JsonNode> since = c.listAll(path + "&graded_since=" + gradedAt);
        assertFalse(since.stream().anyMatch(s -> s.get("id").equals(graded.get("id"))), "equal is excluded");
        since.forEach(s -> assertTrue(Instant.parse(s.get("graded_at").asText()).isAfter(Instant.parse(gradedAt))));
        assertEquals(sim.submissions(course, null, Instant.parse(gradedAt)), since);

        String mid = "2024-10-01T00:00:00Z";
        List<JsonNode> submitted = c.listAll(path + "&submitted_since=" + mid);
        assertFalse(submitted.isEmpty());
        assertTrue(submitted.size() < all.size());
        submitted.forEach(s -> assertTrue(Instant.parse(s.get("submitted_at").asText()).isAfter(Instant.parse(mid))));
        assertEquals(sim.submissions(course, Instant.parse(mid), null), submitted);

        HttpResponse<String> bad = c.get(path + "&submitted_since=2024-10-01");
        assertEquals(400, bad.statusCode());
        assertEquals("Invalid datetime for submitted_since", Json.read(bad.body()).at("/errors/submitted_since").asText());
    }

    @Test
    void gradedAtOrderAscendingIsBookmarkedAndDescendingIsNumbered() throws Exception {
        CanvasTestClient c = start();
        long course = firstCourse();
        String path = "/api/v1/courses/" + course + "/students/submissions?student_ids[]=all&order=graded_at";
        List<JsonNode> asc = c.listAll(path + "&per_page=4");
        assertTrue(CanvasTestClient.links(c.get(path + "&per_page=4")).get("next").contains("page=bookmark:"));
        String prev = null;
        boolean seenNull = false;
        for (JsonNode s : asc) {
            if (s.get("graded_at").isNull()) {
                seenNull = true;
            } else {
                assertFalse(seenNull, "nulls come last");
                String g = s.get("graded_at").asText();
                assertTrue(prev == null || prev.compareTo(g) <= 0);
                prev = g;
            }
        }
        assertEquals(sim.submissions(course, null, null).size(), asc.size());

        HttpResponse<String> desc = c.get(path + "&order_direction=descending&per_page=4");
        Map<String, String> links = CanvasTestClient.links(desc);
        assertTrue(links.get("next").contains("page=2&per_page=4"));
        assertTrue(links.containsKey("last"));
        JsonNode page = Json.read(desc.body());
        assertTrue(page.get(0).get("graded_at").asText().compareTo(page.get(1).get("graded_at").asText()) >= 0);
    }

    @Test
    void sectionSubmissionsCoverOnlyThatSection() throws Exception {
        CanvasTestClient c = start();
        long course = firstCourse();
        long section = sim.sections(course).get(0).get("id").asLong();
        List<JsonNode> inSection = c.listAll("/api/v1/sections/" + section
                + "/students/submissions?student_ids[]=all&per_page=100");
        assertFalse(inSection.isEmpty());
        assertTrue(inSection.size() < sim.submissions(course, null, null).size());
    }

    @Test
    void authEventsAreACompoundDocumentWithBookmarks() throws Exception {
        CanvasTestClient c = start();
        long user = sim.users(false).get(0).get("id").asLong();
        String path = "/api/v1/audit/authentication/users/" + user;
        HttpResponse<String> r = c.get(path + "?per_page=1&start_time=2024-01-01&end_time=2026-01-01");
        assertEquals(200, r.statusCode());
        JsonNode doc = Json.read(r.body());
        assertTrue(doc.has("links") && doc.has("linked"));
        assertEquals(1, doc.get("events").size());
        JsonNode e = doc.get("events").get(0);
        assertEquals(user, e.get("user_id").asLong());
        assertEquals(user, e.at("/links/user").asLong());
        assertTrue(List.of("login", "logout").contains(e.get("event_type").asText()));
        assertTrue(e.get("created_at").asText().matches(".*[-+]\\d\\d:\\d\\d"), "local offset");
        assertEquals(user, doc.at("/linked/users/0/id").asLong());
        Map<String, String> links = CanvasTestClient.links(r);
        assertEquals(List.of("current", "next", "first"), List.copyOf(links.keySet()));
        assertTrue(links.get("current").contains("?end_time=2026-01-01&start_time=2024-01-01&page=first&per_page=1"));

        List<JsonNode> all = c.listAll(path + "?per_page=1", d -> d.get("events"));
        assertEquals(sim.authEvents(user, null, null), all);
        assertEquals(3, all.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(Instant.parse(toIso(all.get(i - 1))).isAfter(Instant.parse(toIso(all.get(i)))), "newest first");
        }
        Instant cut = Instant.parse(toIso(all.get(1)));
        List<JsonNode> windowed = c.listAll(path + "?start_time=" + cut, d -> d.get("events"));
        assertEquals(sim.authEvents(user, cut, null), windowed);
        assertEquals(2, windowed.size());
    }

    private static String toIso(JsonNode event) {
        return java.time.OffsetDateTime.parse(event.get("created_at").asText()).toInstant().toString();
    }
}
