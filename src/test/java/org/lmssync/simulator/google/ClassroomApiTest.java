package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassroomApiTest extends GoogleSimTestBase {

    private static List<String> ids(List<JsonNode> nodes, String field) {
        return nodes.stream().map(n -> n.get(field).asText()).toList();
    }

    @Test
    void pagingReachesTheEndAndMatchesTruth() throws Exception {
        GoogleTestClient c = startAndLogin();
        JsonNode first = c.getJson("/v1/courses?pageSize=2");
        assertEquals(2, first.get("courses").size());
        assertTrue(first.has("nextPageToken"));
        List<JsonNode> all = c.listAll("/v1/courses", "pageSize=2", "courses");
        assertEquals(sim.courses(), all);
        assertEquals(all.size(), new HashSet<>(ids(all, "id")).size(), "no duplicates across pages");

        // An exact multiple of the page size still ends without a token on the last page.
        JsonNode whole = c.getJson("/v1/courses?pageSize=" + all.size());
        assertEquals(all.size(), whole.get("courses").size());
        assertFalse(whole.has("nextPageToken"));
    }

    @Test
    void pageSizeIsChangeableBetweenPages() throws Exception {
        GoogleTestClient c = startAndLogin();
        JsonNode first = c.getJson("/v1/courses?pageSize=1");
        JsonNode second = c.getJson("/v1/courses?pageSize=3&pageToken=" + first.get("nextPageToken").asText());
        assertEquals(3, second.get("courses").size());
        assertEquals(sim.courses().get(1), second.get("courses").get(0));
    }

    @Test
    void rosterDefaultPageSizeIs30AndCapApplies() throws Exception {
        GoogleTestClient c = start(config().size(new DistrictSize(1, 45, 1, 1, 50, 2)).maxPageSize(40).build()).login();
        String id = sim.courses().get(0).get("id").asText();
        assertEquals(30, c.getJson("/v1/courses/" + id + "/students").get("students").size());
        assertEquals(40, c.getJson("/v1/courses/" + id + "/students?pageSize=1000").get("students").size());
        assertEquals(sim.students(id), c.listAll("/v1/courses/" + id + "/students", "", "students"));
        assertEquals(sim.teachers(id), c.listAll("/v1/courses/" + id + "/teachers", "", "teachers"));
        assertEquals(400, c.get("/v1/courses/" + id + "/students?pageSize=-1").statusCode());
    }

    @Test
    void emptyListIsAnEmptyObject() throws Exception {
        GoogleTestClient c = startAndLogin();
        String id = sim.changes().addCourse("Empty Course");
        HttpResponse<String> r = c.get("/v1/courses/" + id + "/courseWork");
        assertEquals(200, r.statusCode());
        assertEquals("{}", r.body());
        assertEquals("{}", c.get("/v1/courses/" + id + "/students").body());
        assertEquals("{}", c.get("/v1/courses/" + id + "/courseWork/-/studentSubmissions").body());
    }

    @Test
    void pageTokenIsBoundToFilters() throws Exception {
        GoogleTestClient c = startAndLogin();
        String token = c.getJson("/v1/courses?pageSize=1").get("nextPageToken").asText();
        HttpResponse<String> r = c.get("/v1/courses?pageSize=1&courseStates=ACTIVE&pageToken=" + token);
        assertEquals(400, r.statusCode());
        assertEquals("INVALID_ARGUMENT", Json.read(r.body()).at("/error/status").asText());
        String courseId = sim.courses().get(0).get("id").asText();
        assertEquals(400, c.get("/v1/courses/" + courseId + "/students?pageToken=" + token).statusCode(),
                "a token from another endpoint is refused");
        assertEquals(400, c.get("/v1/courses?pageToken=garbage").statusCode());
        assertEquals(200, c.get("/v1/courses?pageSize=1&pageToken=" + token).statusCode());
        sim.expirePageTokens();
        assertEquals(400, c.get("/v1/courses?pageSize=1&pageToken=" + token).statusCode(), "expired token");
    }

    @Test
    void defaultCourseStatesExcludeSuspended() throws Exception {
        GoogleTestClient c = start(config().size(new DistrictSize(12, 3, 1, 1, 10, 2)).build()).login();
        List<JsonNode> dflt = c.listAll("/v1/courses", "", "courses");
        Set<String> states = new HashSet<>();
        dflt.forEach(n -> states.add(n.get("courseState").asText()));
        assertEquals(Set.of("ACTIVE", "ARCHIVED", "PROVISIONED", "DECLINED"), states);
        List<JsonNode> suspended = c.listAll("/v1/courses", "courseStates=SUSPENDED", "courses");
        assertEquals(1, suspended.size());
        assertEquals(12, dflt.size() + suspended.size());
        List<JsonNode> two = c.listAll("/v1/courses", "courseStates=ACTIVE&courseStates=ARCHIVED", "courses");
        assertTrue(two.stream().allMatch(n -> Set.of("ACTIVE", "ARCHIVED").contains(n.get("courseState").asText())));
        assertEquals(sim.courses(List.of("ACTIVE", "ARCHIVED")), two);
        assertEquals(400, c.get("/v1/courses?courseStates=ACTIVE,ARCHIVED").statusCode());
    }

    @Test
    void courseShapeFollowsTheSchema() throws Exception {
        GoogleTestClient c = startAndLogin();
        JsonNode course = c.getJson("/v1/courses").get("courses").get(0);
        for (String f : List.of("id", "name", "section", "room", "ownerId", "creationTime", "updateTime",
                "enrollmentCode", "courseState", "alternateLink", "teacherGroupEmail", "courseGroupEmail",
                "calendarId", "teacherFolder")) {
            assertTrue(course.has(f), f);
        }
        assertTrue(course.get("id").isTextual());
        assertTrue(course.get("updateTime").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"));
        assertEquals(course, c.getJson("/v1/courses/" + course.get("id").asText()));
        HttpResponse<String> r = c.get("/v1/courses/999");
        assertEquals(404, r.statusCode());
        assertEquals("NOT_FOUND", Json.read(r.body()).at("/error/status").asText());
        assertEquals(404, c.get("/v1/courses/999/students").statusCode());
        assertEquals(404, c.get("/v1/courses/999/courseWork").statusCode());
        assertEquals(404, c.get("/v1/courses/999/courseWork/-/studentSubmissions").statusCode());
    }

    @Test
    void courseWorkDefaultsToPublishedUpdateTimeDesc() throws Exception {
        GoogleTestClient c = start(config().size(new DistrictSize(1, 3, 1, 12, 5, 1)).build()).login();
        String id = sim.courses().get(0).get("id").asText();
        List<JsonNode> desc = c.listAll("/v1/courses/" + id + "/courseWork", "pageSize=5", "courseWork");
        assertEquals(12, desc.size());
        List<Instant> times = desc.stream().map(n -> Instant.parse(n.get("updateTime").asText())).toList();
        List<Instant> sorted = new ArrayList<>(times);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, times);
        assertNotEquals(ids(desc, "id"), ids(desc, "id").stream().sorted().toList(), "order is not just by id");
        assertEquals(sim.courseWork(id), desc);

        List<JsonNode> asc = c.listAll("/v1/courses/" + id + "/courseWork", "orderBy=updateTime%20asc", "courseWork");
        List<JsonNode> reversed = new ArrayList<>(desc);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, asc);

        List<JsonNode> due = c.listAll("/v1/courses/" + id + "/courseWork", "orderBy=dueDate", "courseWork");
        List<String> dueKeys = due.stream().map(n -> String.format("%04d-%02d-%02d", n.at("/dueDate/year").asInt(),
                n.at("/dueDate/month").asInt(), n.at("/dueDate/day").asInt())).toList();
        assertEquals(dueKeys.stream().sorted().toList(), dueKeys);
        assertEquals(400, c.get("/v1/courses/" + id + "/courseWork?orderBy=title").statusCode());
        assertEquals(400, c.get("/v1/courses/" + id + "/courseWork?courseWorkStates=GONE").statusCode());
    }

    @Test
    void submissionsForAllCourseWorkWithDash() throws Exception {
        GoogleTestClient c = startAndLogin();
        String id = sim.courses().get(0).get("id").asText();
        List<JsonNode> all = c.listAll("/v1/courses/" + id + "/courseWork/-/studentSubmissions", "pageSize=7",
                "studentSubmissions");
        DistrictSize size = sim.config().size();
        assertEquals(size.studentsPerCourse() * size.courseWorkPerCourse(), all.size());
        assertEquals(sim.submissions(id), all);
        assertEquals(all.size(), new HashSet<>(ids(all, "id")).size());
        Set<String> works = new HashSet<>(ids(all, "courseWorkId"));
        assertEquals(size.courseWorkPerCourse(), works.size());

        String cwId = sim.courseWork(id).get(0).get("id").asText();
        List<JsonNode> one = c.listAll("/v1/courses/" + id + "/courseWork/" + cwId + "/studentSubmissions", "",
                "studentSubmissions");
        assertEquals(size.studentsPerCourse(), one.size());
        assertTrue(one.stream().allMatch(n -> n.get("courseWorkId").asText().equals(cwId)));
        assertEquals(404, c.get("/v1/courses/" + id + "/courseWork/123/studentSubmissions").statusCode());

        List<JsonNode> returned = c.listAll("/v1/courses/" + id + "/courseWork/-/studentSubmissions",
                "states=RETURNED", "studentSubmissions");
        assertTrue(returned.stream().allMatch(n -> n.get("state").asText().equals("RETURNED")));
        assertEquals(all.stream().filter(n -> n.get("state").asText().equals("RETURNED")).count(), returned.size());
    }

    @Test
    void newSubmissionsMayLackTimes() throws Exception {
        start(config().size(new DistrictSize(2, 20, 1, 5, 40, 2)).build());
        List<JsonNode> subs = new ArrayList<>();
        sim.allCourseIds().forEach(id -> subs.addAll(sim.submissions(id)));
        assertTrue(subs.stream().anyMatch(n -> n.get("state").asText().equals("NEW")));
        subs.forEach(n -> assertEquals(!n.get("state").asText().equals("NEW"), n.has("updateTime")));
    }

    @Test
    void shortPagesStillCoverEverything() throws Exception {
        GoogleTestClient c = start(config().shortPageShare(1.0).build()).login();
        String id = sim.courses().get(0).get("id").asText();
        JsonNode page = c.getJson("/v1/courses/" + id + "/courseWork/-/studentSubmissions?pageSize=10");
        assertEquals(5, page.get("studentSubmissions").size());
        assertTrue(page.has("nextPageToken"));
        assertEquals(sim.submissions(id),
                c.listAll("/v1/courses/" + id + "/courseWork/-/studentSubmissions", "pageSize=10", "studentSubmissions"));
    }

    @Test
    void timestampStyleIsConfigurable() throws Exception {
        // every captured real timestamp has 3 fraction digits: the default
        start(config().build());
        String id = sim.changes().addCourse("Whole second");
        assertEquals("2025-03-10T12:00:00.000Z", sim.course(id).orElseThrow().get("updateTime").asText());
        sim.close();
        start(config().alwaysMillisTimestamps(false).build());
        id = sim.changes().addCourse("Whole second");
        assertEquals("2025-03-10T12:00:00Z", sim.course(id).orElseThrow().get("updateTime").asText(),
                "protobuf JSON drops a zero fraction");
    }

    @Test
    void sameSeedSameDistrict() throws Exception {
        start(config().build());
        List<JsonNode> a = sim.courses();
        List<JsonNode> subsA = sim.submissions(a.get(0).get("id").asText());
        sim.close();
        start(config().build());
        assertEquals(a, sim.courses());
        assertEquals(subsA, sim.submissions(a.get(0).get("id").asText()));
        sim.close();
        start(config().seed(7).build());
        assertNotEquals(a, sim.courses());
    }
}
