package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shapes real Canvas responses have (reference/api-samples.md), served by default. */
class RealShapesTest extends CanvasSimTestBase {

    private List<JsonNode> allSubmissions() {
        List<JsonNode> out = new ArrayList<>();
        for (long id : sim.allCourseIds()) {
            out.addAll(sim.submissions(id, null, null));
        }
        return out;
    }

    private List<JsonNode> allAssignments() {
        List<JsonNode> out = new ArrayList<>();
        for (long id : sim.allCourseIds()) {
            out.addAll(sim.assignments(id));
        }
        return out;
    }

    @Test
    void idsHaveRealWidthsAndStayJsonIntegers() throws Exception {
        CanvasTestClient c = start();
        JsonNode user = c.listAll("/api/v1/accounts/self/users?per_page=100").get(0);
        assertTrue(user.get("id").isIntegralNumber());
        assertTrue(user.get("id").asLong() >= 100_000_000L, "a 9-digit user id: " + user.get("id"));
        long course = sim.courses().get(0).get("id").asLong();
        assertTrue(course >= 100_000_000L, "course id " + course);
        JsonNode enrollment = sim.courseEnrollments(course, List.of("active")).get(0);
        assertTrue(enrollment.get("id").asLong() > 1_000_000_000L, "enrollment id " + enrollment.get("id"));
        JsonNode submission = sim.submissions(course, null, null).get(0);
        assertTrue(submission.get("id").asLong() > 0xFFFF_FFFFL, "a submission id past 32 bits");
    }

    @Test
    void pointsPossibleIsAnIntegerWhenWholeUnlessTheDocumentedFormIsAsked() throws Exception {
        CanvasTestClient c = start();
        long course = sim.courses().get(0).get("id").asLong();
        JsonNode a = c.listAll("/api/v1/courses/" + course + "/assignments").get(0);
        assertTrue(a.get("points_possible").isIntegralNumber(), a.get("points_possible").toString());
        assertFalse(a.get("points_possible").toString().contains("."));
        sim.close();
        c = start(config().shapes(Shapes.DOCUMENTED).build());
        a = c.listAll("/api/v1/courses/" + course + "/assignments").get(0);
        assertTrue(a.get("points_possible").isFloatingPointNumber(), a.get("points_possible").toString());
        assertFalse(sim.submissions(course, null, null).get(0).get("excused").asBoolean(true), "documented: excused false");
    }

    @Test
    void nullableScalarsAreNullAsInRealSamples() throws Exception {
        start();
        List<JsonNode> courses = sim.courses(List.of("all"));
        long publicNull = courses.stream().filter(x -> x.get("is_public").isNull()).count();
        long licenseNull = courses.stream().filter(x -> x.get("license").isNull()).count();
        assertTrue(publicNull > courses.size() / 2 && publicNull < courses.size(), publicNull + " of " + courses.size());
        assertTrue(licenseNull > 0 && licenseNull < courses.size(), licenseNull + " of " + courses.size());
        assertFalse(courses.get(0).has("original_name") || courses.get(0).has("locale") || courses.get(0).has("grading_periods"),
                "real courses omit these unless set");
        List<JsonNode> assignments = allAssignments();
        assertTrue(assignments.stream().anyMatch(a -> a.get("description").isNull()));
        assertTrue(assignments.stream().anyMatch(a -> a.get("description").isTextual()));
        List<JsonNode> subs = allSubmissions();
        assertTrue(subs.stream().allMatch(s -> s.has("excused") && s.get("excused").isNull()));
    }

    @Test
    void sisKeysAndLoginIdAreOmittedWithoutTheRights() throws Exception {
        CanvasTestClient c = start(config().readSis(false).viewLoginIds(false).build());
        for (JsonNode u : c.listAll("/api/v1/accounts/self/users?per_page=100&include[]=email")) {
            assertFalse(u.has("sis_user_id") || u.has("integration_id") || u.has("login_id"), u.toString());
            assertTrue(u.get("email").isTextual());
        }
        long section = sim.sections(sim.courses().get(0).get("id").asLong()).get(0).get("id").asLong();
        JsonNode nested = sim.enrollments(section).get(0).get("user");
        assertFalse(nested.has("sis_user_id") || nested.has("login_id"), nested.toString());
    }

    @Test
    void emailComesOnlyWithIncludeEmail() throws Exception {
        CanvasTestClient c = start();
        List<JsonNode> plain = c.listAll("/api/v1/accounts/self/users?per_page=100");
        assertTrue(plain.stream().noneMatch(u -> u.has("email")));
        List<JsonNode> withEmail = c.listAll("/api/v1/accounts/self/users?per_page=100&include[]=email");
        assertEquals(plain.size(), withEmail.size());
        assertTrue(withEmail.stream().allMatch(u -> u.get("email").asText().contains("@")));
        assertEquals(sim.users(false, true), withEmail);
        long course = sim.courses().get(0).get("id").asLong();
        assertTrue(c.listAll("/api/v1/courses/" + course + "/users?include[]=email").get(0).has("email"));
        assertFalse(c.listAll("/api/v1/courses/" + course + "/users").get(0).has("email"));
    }

    @Test
    void oneUsersPageCarriesBothDaylightSavingOffsetsOfTheAccountZone() throws Exception {
        CanvasTestClient c = start();
        JsonNode page = c.getJson("/api/v1/accounts/self/users?per_page=100");
        Set<String> offsets = new java.util.HashSet<>();
        page.forEach(u -> offsets.add(u.get("created_at").asText().substring(19)));
        assertEquals(Set.of("-05:00", "-06:00"), offsets, "America/Chicago in summer and in winter");
    }

    @Test
    void deletedUsersUnderIncludeDeletedUsersAreListedOrLeftOutAsConfigured() throws Exception {
        CanvasTestClient c = start(config().deletedUserShare(0.2).build());
        List<JsonNode> live = c.listAll("/api/v1/accounts/self/users?per_page=100");
        List<JsonNode> flagged = c.listAll("/api/v1/accounts/self/users?per_page=100&include_deleted_users=true");
        Set<Long> deleted = Set.copyOf(sim.deletedUserIds());
        assertFalse(deleted.isEmpty());
        assertEquals(live.size() + deleted.size(), flagged.size());
        assertTrue(flagged.stream().filter(u -> deleted.contains(u.get("id").asLong()))
                .allMatch(u -> u.get("workflow_state").asText().equals("deleted")));
        assertTrue(live.stream().noneMatch(u -> deleted.contains(u.get("id").asLong())));
        sim.close();

        c = start(config().deletedUserShare(0.2).listDeletedUsers(false).build());
        assertEquals(c.listAll("/api/v1/accounts/self/users?per_page=100"),
                c.listAll("/api/v1/accounts/self/users?per_page=100&include_deleted_users=true"));
    }

    @Test
    void nestedDataOfRealResponsesIsPresentInARealisticShare() throws Exception {
        start();
        List<JsonNode> assignments = allAssignments();
        long locked = assignments.stream().filter(a -> a.has("lock_info")).count();
        assertTrue(locked > 0 && locked < assignments.size() / 2, locked + " of " + assignments.size());
        JsonNode info = assignments.stream().filter(a -> a.has("lock_info")).findFirst().orElseThrow();
        assertEquals("assignment_" + info.get("id").asLong(), info.get("lock_info").get("asset_string").asText());
        assertTrue(info.get("locked_for_user").asBoolean() && info.get("lock_explanation").isTextual());
        List<JsonNode> subs = allSubmissions();
        List<JsonNode> withFiles = subs.stream().filter(s -> s.has("attachments")).toList();
        assertFalse(withFiles.isEmpty());
        assertTrue(withFiles.size() < subs.size() / 2);
        JsonNode file = withFiles.get(0).get("attachments").get(0);
        assertTrue(file.get("id").isIntegralNumber() && file.get("content-type").isTextual() && file.get("size").isInt());
        assertTrue(withFiles.stream().allMatch(s -> !s.get("submitted_at").isNull()));
        long section = sim.sections(sim.courses().get(0).get("id").asLong()).get(0).get("id").asLong();
        JsonNode grades = sim.enrollments(section).stream().filter(e -> e.has("grades")).findFirst().orElseThrow()
                .get("grades");
        assertEquals(Set.of("html_url", "current_score", "current_grade", "final_score", "final_grade",
                        "unposted_current_score", "unposted_current_grade", "unposted_final_score", "unposted_final_grade"),
                fieldNames(grades));
        JsonNode user = sim.enrollments(section).get(0).get("user");
        assertTrue(user.get("created_at").asText().matches(".*[+-]\\d\\d:\\d\\d"), user.toString());
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new java.util.HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theMediumDistrictContainsEveryRealShape() {
        start(config().size(CanvasDistrictSize.medium()).build());
        List<JsonNode> assignments = new ArrayList<>();
        List<JsonNode> subs = new ArrayList<>();
        List<Long> ids = sim.allCourseIds();
        for (long id : ids.subList(0, 20)) {
            assignments.addAll(sim.assignments(id));
            subs.addAll(sim.submissions(id, null, null));
        }
        assertTrue(assignments.stream().anyMatch(a -> a.has("lock_info")));
        assertTrue(assignments.stream().anyMatch(a -> a.get("description").isNull()));
        assertTrue(subs.stream().anyMatch(s -> s.has("attachments")));
        assertTrue(subs.stream().anyMatch(s -> s.get("cached_due_date").isNull()), "work without a due date");
        List<JsonNode> users = sim.users(true, false);
        assertTrue(users.stream().anyMatch(u -> u.path("workflow_state").asText().equals("deleted")));
        Set<String> offsets = users.stream().map(u -> u.get("created_at").asText().substring(19)).collect(Collectors.toSet());
        assertEquals(Set.of("-05:00", "-06:00"), offsets);
    }
}
