package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Json;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsApiTest extends GoogleSimTestBase {
    private static final String EDFI_PARAMS =
            "classroom:timestamp_last_interaction,classroom:num_posts_created,accounts:timestamp_last_login";

    private static String usagePath(String date) {
        return "/admin/reports/v1/usage/users/all/dates/" + date;
    }

    @Test
    void completeDateHasNoWarningsAndAllUsers() throws Exception {
        GoogleTestClient c = startAndLogin();
        JsonNode page = c.getJson(usagePath("2025-03-07") + "?parameters=" + EDFI_PARAMS);
        assertFalse(page.has("warnings"));
        assertEquals("admin#reports#usageReports", page.get("kind").asText());
        DistrictSize s = sim.config().size();
        assertEquals(s.students() + s.teachers(), page.get("usageReports").size());
        assertFalse(page.has("nextPageToken"));
        JsonNode row = page.get("usageReports").get(0);
        assertEquals("2025-03-07", row.get("date").asText());
        assertEquals("USER", row.at("/entity/type").asText());
        assertEquals(sim.config().customerId(), row.at("/entity/customerId").asText());
        assertTrue(row.at("/entity/userEmail").asText().endsWith("@example.edu"));
        assertFalse(row.at("/entity/profileId").asText().isEmpty());
    }

    @Test
    void parameterShapesAndBothSpellings() throws Exception {
        GoogleTestClient c = start(config().usageNoParametersShare(0).neverInteractedShare(0.3).build()).login();
        List<JsonNode> a = c.listAll(usagePath("2025-03-01"), "parameters=" + EDFI_PARAMS, "usageReports");
        List<JsonNode> b = c.listAll(usagePath("2025-03-01"),
                "parameters=classroom:last_interaction_time,classroom:num_posts_created,accounts:last_login_time",
                "usageReports");
        Set<String> namesA = new HashSet<>();
        a.forEach(r -> r.get("parameters").forEach(p -> namesA.add(p.get("name").asText())));
        assertEquals(Set.of("classroom:last_interaction_time", "classroom:num_posts_created", "accounts:last_login_time"),
                namesA);
        boolean sentinel = false;
        for (JsonNode r : a) {
            for (JsonNode p : r.get("parameters")) {
                switch (p.get("name").asText()) {
                    case "classroom:num_posts_created" -> {
                        assertTrue(p.get("intValue").isTextual(), "intValue is a string");
                        Integer.parseInt(p.get("intValue").asText());
                    }
                    default -> {
                        assertTrue(p.get("datetimeValue").isTextual());
                        sentinel |= p.get("datetimeValue").asText().equals("1970-01-01T00:00:00.000Z");
                    }
                }
            }
        }
        assertTrue(sentinel, "some users never interacted");
        assertEquals(a.size(), b.size());
        assertEquals(a.get(0).get("parameters").size(), b.get(0).get("parameters").size());
        assertEquals(400, c.get(usagePath("2025-03-01") + "?parameters=classroom:bogus").statusCode());
    }

    @Test
    void valuesAreDeterministicPerUserAndDate() throws Exception {
        GoogleTestClient c = startAndLogin();
        List<JsonNode> first = c.listAll(usagePath("2025-02-01"), "", "usageReports");
        assertEquals(first, c.listAll(usagePath("2025-02-01"), "", "usageReports"));
        assertEquals(sim.usage(java.time.LocalDate.parse("2025-02-01")), first);
        assertFalse(first.equals(c.listAll(usagePath("2025-02-02"), "", "usageReports")));
    }

    @Test
    void someRowsLackParameters() throws Exception {
        GoogleTestClient c = start(config().usageNoParametersShare(0.3).build()).login();
        List<JsonNode> rows = c.listAll(usagePath("2025-02-01"), "", "usageReports");
        assertTrue(rows.stream().anyMatch(r -> !r.has("parameters")));
        assertTrue(rows.stream().anyMatch(r -> r.has("parameters")));
    }

    @Test
    void recentDatesCarryWarnings() throws Exception {
        GoogleTestClient c = startAndLogin();
        JsonNode today = c.getJson(usagePath("2025-03-10") + "?parameters=" + EDFI_PARAMS);
        assertEquals("DATA_NOT_AVAILABLE", today.at("/warnings/0/code").asText());
        assertFalse(today.has("usageReports"));

        for (String d : List.of("2025-03-09", "2025-03-08")) {
            JsonNode page = c.getJson(usagePath(d) + "?parameters=" + EDFI_PARAMS);
            JsonNode w = page.get("warnings");
            assertEquals("PARTIAL_DATA_AVAILABLE", w.get(0).get("code").asText(), d);
            assertTrue(w.get(0).get("message").asText().contains("please try again after a few hours"));
            Set<String> apps = new HashSet<>();
            w.forEach(x -> apps.add(x.at("/data/0/value").asText()));
            assertEquals(Set.of("accounts", "classroom"), apps);
            assertEquals("application", w.get(0).at("/data/0/key").asText());
            DistrictSize s = sim.config().size();
            assertTrue(page.get("usageReports").size() < s.students() + s.teachers(), "partial rows");
        }
        assertFalse(c.getJson(usagePath("2025-03-07")).has("warnings"));
        assertEquals(sim.usageWarnings(java.time.LocalDate.parse("2025-03-09")),
                c.getJson(usagePath("2025-03-09")).get("warnings"));
    }

    @Test
    void futureAndMalformedDatesAre400() throws Exception {
        GoogleTestClient c = startAndLogin();
        HttpResponse<String> r = c.get(usagePath("2025-03-11"));
        assertEquals(400, r.statusCode());
        assertEquals("INVALID_ARGUMENT", Json.read(r.body()).at("/error/status").asText());
        assertEquals(400, c.get(usagePath("2025-3-1")).statusCode());
        assertEquals(400, c.get(usagePath("2025-02-30")).statusCode());
        sim.setToday(java.time.LocalDate.parse("2025-03-20"));
        assertEquals(200, c.get(usagePath("2025-03-11")).statusCode(), "moving today makes the date valid");
    }

    @Test
    void maxResultsPagingAndLimit() throws Exception {
        GoogleTestClient c = startAndLogin();
        JsonNode page = c.getJson(usagePath("2025-03-01") + "?maxResults=10");
        assertEquals(10, page.get("usageReports").size());
        assertTrue(page.has("nextPageToken"));
        List<JsonNode> all = c.listAll(usagePath("2025-03-01"), "maxResults=10", "usageReports");
        assertEquals(sim.usage(java.time.LocalDate.parse("2025-03-01")), all);
        assertEquals(400, c.get(usagePath("2025-03-01") + "?maxResults=1001").statusCode());
        String token = page.get("nextPageToken").asText();
        assertEquals(400, c.get(usagePath("2025-03-02") + "?maxResults=10&pageToken=" + token).statusCode(),
                "token bound to the date");
    }
}
