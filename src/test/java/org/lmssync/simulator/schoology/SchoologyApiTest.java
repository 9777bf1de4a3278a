package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchoologyApiTest extends SchoologySimTestBase {

    @Test
    void usersPageToTheEndWithNextOnlyWhileMoreRemain() throws Exception {
        SchoologyTestClient c = start();
        List<JsonNode> truth = sim.users();
        assertEquals(46, truth.size(), "admin + 40 students + 5 teachers");
        String url = "/users?start=0&limit=7";
        int pages = 0;
        List<JsonNode> seen = new java.util.ArrayList<>();
        while (url != null) {
            JsonNode page = c.getJson(url);
            pages++;
            assertEquals("46", page.get("total").textValue(), "users total is a string");
            page.get("user").forEach(seen::add);
            JsonNode next = page.path("links").path("next");
            boolean last = seen.size() == truth.size();
            assertEquals(last, next.isMissingNode(), "next absent exactly on the last page");
            url = next.isMissingNode() ? null : next.asText();
            if (url != null) {
                assertTrue(url.startsWith(sim.apiBaseUrl() + "/users?"), url);
                assertTrue(url.endsWith("start=" + seen.size() + "&limit=7"), url);
            }
        }
        assertEquals(7, pages);
        assertEquals(truth, seen);
    }

    @Test
    void defaultLimitIs20AndSelfLinkIsAbsolute() throws Exception {
        SchoologyTestClient c = start();
        JsonNode page = c.getJson("/users");
        assertEquals(20, page.get("user").size());
        assertEquals(sim.apiBaseUrl() + "/users?start=0&limit=20", page.at("/links/self").asText());
        assertEquals(sim.apiBaseUrl() + "/users?start=20&limit=20", page.at("/links/next").asText());
        JsonNode beyond = c.getJson("/users?start=1000");
        assertEquals(0, beyond.get("user").size());
        assertTrue(beyond.path("links").path("next").isMissingNode());
    }

    @Test
    void limitIsClampedToTheCap() throws Exception {
        SchoologyTestClient c = start(config().size(new SchoologyDistrictSize(260, 5, 0, 1, 1, 1, 0, 0, 4, 0)).build());
        JsonNode page = c.getJson("/users?limit=500");
        assertEquals(200, page.get("user").size());
        assertEquals(sim.apiBaseUrl() + "/users?start=200&limit=200", page.at("/links/next").asText());
        assertEquals(sim.users().size(), c.listAll("/users?limit=1000", "user").size());
        sim.close();
        c = start(config().maxLimit(30).defaultLimit(10).build());
        assertEquals(10, c.getJson("/users").get("user").size());
        assertEquals(30, c.getJson("/users?limit=200").get("user").size());
    }

    @Test
    void shapesAndTotalsFollowTheDocumentedTypes() throws Exception {
        SchoologyTestClient c = start();
        JsonNode user = c.getJson("/users?limit=1").get("user").get(0);
        assertTrue(user.get("uid").isTextual() && user.get("id").isNumber());
        assertEquals("America/New_York", user.get("tz_name").asText());
        JsonNode courses = c.getJson("/courses");
        assertTrue(courses.get("total").isTextual());
        JsonNode course = courses.get("course").get(0);
        assertTrue(course.get("id").isNumber() && course.get("building_id").isTextual());
        long courseId = course.get("id").asLong();
        JsonNode sections = c.getJson("/courses/" + courseId + "/sections");
        assertTrue(sections.get("total").isTextual());
        JsonNode section = sections.get("section").get(0);
        assertTrue(section.get("id").isTextual() && section.get("course_id").isTextual());
        assertEquals(1, section.get("active").asInt());
        assertEquals(sim.apiBaseUrl() + "/sections/" + section.get("id").asText(), section.at("/links/self").asText());
        long sectionId = section.get("id").asLong();
        JsonNode enrollments = c.getJson("/sections/" + sectionId + "/enrollments");
        assertTrue(enrollments.get("total").isTextual());
        JsonNode teacher = enrollments.get("enrollment").get(0);
        assertEquals(1, teacher.get("admin").asInt());
        assertEquals("1", teacher.get("status").textValue());
        JsonNode assignments = c.getJson("/sections/" + sectionId + "/assignments");
        assertTrue(assignments.get("total").isNumber());
        JsonNode a = assignments.get("assignment").get(0);
        assertTrue(a.get("id").isNumber());
        assertEquals(a.get("id").asLong(), a.get("grade_item_id").asLong());
        assertTrue(a.get("due").asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        JsonNode periods = c.getJson("/gradingperiods");
        assertTrue(periods.get("total").isNumber());
        assertEquals(4, periods.get("gradingperiods").size());
        assertEquals(periods.get("gradingperiods"), c.getJson("/grading_periods").get("gradingperiods"));
        JsonNode inactive = c.getJson("/users/inactive");
        assertEquals(3, inactive.get("total").intValue());
        JsonNode gone = inactive.get("user").get(0);
        assertTrue(gone.get("uid").isNumber() && gone.get("inactive_timestamp").isNumber());
        assertEquals(sim.inactiveUsers(), List.copyOf(toList(inactive.get("user"))));
        assertEquals(3, c.getJson("/roles").get("role").size());
    }

    @Test
    void typeMixIsConfigurable() throws Exception {
        SchoologyTestClient c = start(config().idTypes(TypeMix.STRINGS).totalTypes(TypeMix.NUMBERS).build());
        JsonNode courses = c.getJson("/courses");
        assertTrue(courses.get("total").isNumber());
        assertTrue(courses.get("course").get(0).get("id").isTextual());
        sim.close();
        c = start(config().idTypes(TypeMix.NUMBERS).totalTypes(TypeMix.STRINGS).build());
        long sectionId = sim.allSectionIds(false).get(0);
        assertTrue(c.getJson("/courses/" + sim.courseIds().get(0) + "/sections").get("section").get(0).get("id").isNumber());
        assertTrue(c.getJson("/sections/" + sectionId + "/assignments").get("total").isTextual());
    }

    @Test
    void slashesAreEscapedAsSchoologyDoes() throws Exception {
        SchoologyTestClient c = start();
        long sectionId = sim.allSectionIds(false).get(0);
        String raw = c.get("/sections/" + sectionId + "/enrollments").body();
        assertTrue(raw.contains("\"self\":\"http:\\/\\/127.0.0.1:"), raw.substring(0, 200));
        assertFalse(raw.contains("http://"));
        assertEquals(sim.enrollments(sectionId), toList(Json.read(raw).get("enrollment")));
        sim.close();
        c = start(config().escapeSlashes(false).build());
        assertTrue(c.get("/users?limit=1").body().contains("America/New_York"));
    }

    @Test
    void includePastAddsSectionsOfEndedGradingPeriods() throws Exception {
        SchoologyTestClient c = start(config().pastSectionShare(0.5).build());
        long courseId = sim.courseIds().stream()
                .filter(id -> sim.sections(id, true).size() > sim.sections(id, false).size()).findFirst().orElseThrow();
        List<JsonNode> current = c.listAll("/courses/" + courseId + "/sections", "section");
        List<JsonNode> all = c.listAll("/courses/" + courseId + "/sections?include_past=1", "section");
        assertEquals(sim.sections(courseId, false), current);
        assertEquals(sim.sections(courseId, true), all);
        assertTrue(all.size() > current.size());
        JsonNode page = c.getJson("/courses/" + courseId + "/sections?include_past=1&limit=1");
        assertTrue(page.at("/links/next").asText().contains("include_past=1&start=1&limit=1"));
        JsonNode past = all.stream().filter(s -> !current.contains(s)).findFirst().orElseThrow();
        assertEquals(sim.pastGradingPeriodId(), past.get("grading_periods").get(0).asLong());
    }

    @Test
    void submissionsListRevisionsWithoutTotal() throws Exception {
        SchoologyTestClient c = start();
        long sectionId = sim.allSectionIds(false).get(0);
        long itemId = sim.assignmentIds(sectionId).get(0);
        JsonNode page = c.getJson("/sections/" + sectionId + "/submissions/" + itemId);
        assertFalse(page.has("total"));
        assertEquals(8, page.get("revision").size());
        JsonNode rev = page.get("revision").get(0);
        for (String f : List.of("revision_id", "uid", "created", "num_items", "late", "draft")) {
            assertTrue(rev.get(f).isNumber(), f);
        }
        assertEquals(sim.submissions(sectionId, itemId), toList(page.get("revision")));
        assertEquals(sim.submissions(sectionId, itemId, true),
                c.listAll("/sections/" + sectionId + "/submissions/" + itemId + "?all_revisions=1&limit=3", "revision"));
        assertEquals(404, c.get("/sections/" + sectionId + "/submissions/1").statusCode());
    }

    @Test
    void attendanceIsUnpagedAndStartEndAreDates() throws Exception {
        SchoologyTestClient c = start();
        long sectionId = sim.allSectionIds(false).get(0);
        JsonNode all = c.getJson("/sections/" + sectionId + "/attendance");
        assertFalse(all.has("links"));
        assertFalse(all.has("total"));
        List<JsonNode> dates = toList(all.get("date"));
        assertEquals(sim.attendance(sectionId, null, null), dates);
        assertEquals(6, sim.attendanceEntries(sectionId, null, null).size());
        int counted = 0;
        for (JsonNode t : all.at("/totals/total")) {
            assertNotEquals(AttendanceStatus.PRESENT, t.get("status").asInt(), "negative attendance only");
            counted += t.get("count").asInt();
        }
        assertEquals(6, counted);
        LocalDate first = LocalDate.parse(dates.get(0).get("date").asText());
        JsonNode one = c.getJson("/sections/" + sectionId + "/attendance?start=" + first + "&end=" + first);
        assertEquals(1, one.get("date").size());
        assertEquals(sim.attendance(sectionId, first, first), toList(one.get("date")));
        JsonNode entry = one.at("/date/0/statuses/status/0/attendances/attendance/0");
        assertEquals(first.toString(), entry.get("date").asText());
        assertTrue(entry.get("enrollment_id").isNumber());
        HttpResponse<String> bad = c.get("/sections/" + sectionId + "/attendance?start=0&limit=20");
        assertEquals(400, bad.statusCode(), "a paging offset is not a date");
    }

    @Test
    void unknownResourcesAre404() throws Exception {
        SchoologyTestClient c = start();
        assertEquals(404, c.get("/sections/999/enrollments").statusCode());
        assertEquals(404, c.get("/courses/abc/sections").statusCode());
        assertEquals(404, c.get("/nothing").statusCode());
    }

    @Test
    void sameSeedSameDistrict() {
        start(config().seed(7).build());
        List<JsonNode> users = sim.users();
        List<JsonNode> courses = sim.courses();
        sim.close();
        start(config().seed(7).build());
        assertEquals(users, sim.users());
        assertEquals(courses, sim.courses());
        sim.close();
        start(config().seed(8).build());
        assertNotEquals(users, sim.users());
    }

    static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
