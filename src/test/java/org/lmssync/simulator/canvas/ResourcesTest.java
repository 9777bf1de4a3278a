package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Json;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourcesTest extends CanvasSimTestBase {

    private static Set<String> field(List<JsonNode> records, String name) {
        return records.stream().map(r -> r.get(name).asText()).collect(Collectors.toSet());
    }

    @Test
    void accountsAndSelfResolution() throws Exception {
        CanvasTestClient c = start();
        List<JsonNode> accounts = c.listAll("/api/v1/accounts");
        assertEquals(sim.accounts(), accounts);
        assertEquals(3, accounts.size(), "root plus two sub-accounts");
        assertTrue(accounts.get(0).get("id").isIntegralNumber());
        assertTrue(accounts.get(0).get("parent_account_id").isNull());
        assertEquals(c.getJson("/api/v1/accounts/1"), c.getJson("/api/v1/accounts/self"));
        assertEquals(c.listAll("/api/v1/accounts/1/courses"), c.listAll("/api/v1/accounts/self/courses"));
        assertEquals(404, c.get("/api/v1/accounts/999/courses").statusCode());
        String notFound = c.get("/api/v1/courses/424242").body();
        assertEquals("{\"errors\":[{\"message\":\"The specified resource does not exist.\"}]}", notFound);
        JsonNode terms = c.getJson("/api/v1/accounts/self/terms");
        assertEquals(2, terms.get("enrollment_terms").size());
    }

    @Test
    void subAccountListsOnlyItsCourses() throws Exception {
        CanvasTestClient c = start();
        long sub = sim.accounts().get(1).get("id").asLong();
        List<JsonNode> courses = c.listAll("/api/v1/accounts/" + sub + "/courses?per_page=100");
        assertFalse(courses.isEmpty());
        courses.forEach(x -> assertEquals(sub, x.get("account_id").asLong()));
        assertTrue(courses.size() < sim.courses().size());
    }

    @Test
    void courseStatesDefaultExcludesDeleted() throws Exception {
        CanvasTestClient c = start();
        List<JsonNode> dflt = c.listAll("/api/v1/accounts/self/courses?per_page=100");
        assertEquals(Set.of("available", "completed", "unpublished"), field(dflt, "workflow_state"));
        List<JsonNode> deleted = c.listAll("/api/v1/accounts/self/courses?state[]=deleted");
        assertFalse(deleted.isEmpty());
        assertEquals(Set.of("deleted"), field(deleted, "workflow_state"));
        List<JsonNode> all = c.listAll("/api/v1/accounts/self/courses?state[]=all&per_page=100");
        assertEquals(dflt.size() + deleted.size(), all.size());
        assertEquals(sim.courses(List.of("all")), all);
        List<JsonNode> created = c.listAll("/api/v1/accounts/self/courses?state[]=created");
        assertEquals(Set.of("unpublished"), field(created, "workflow_state"));
        List<JsonNode> unpublished = c.listAll("/api/v1/accounts/self/courses?state[]=created&state[]=claimed");
        assertTrue(unpublished.size() > created.size());
        JsonNode withTerm = c.getJson("/api/v1/accounts/self/courses?include[]=term&per_page=1").get(0);
        assertEquals(withTerm.get("enrollment_term_id"), withTerm.at("/term/id"));
    }

    @Test
    void enrollmentStatesDefaultToActiveAndInvited() throws Exception {
        CanvasTestClient c = start();
        List<JsonNode> all = new java.util.ArrayList<>();
        List<JsonNode> dflt = new java.util.ArrayList<>();
        for (JsonNode course : sim.courses(List.of("all"))) {
            long id = course.get("id").asLong();
            dflt.addAll(c.listAll("/api/v1/courses/" + id + "/enrollments?per_page=100"));
            all.addAll(c.listAll("/api/v1/courses/" + id + "/enrollments?per_page=100&state[]=active&state[]=invited"
                    + "&state[]=deleted&state[]=inactive&state[]=completed&state[]=rejected&state[]=creation_pending"));
        }
        assertEquals(Set.of("active", "invited"), field(dflt, "enrollment_state"));
        assertTrue(field(all, "enrollment_state").containsAll(Set.of("deleted", "inactive", "completed", "rejected")));
        assertTrue(field(all, "type").containsAll(Set.of("StudentEnrollment", "TeacherEnrollment", "TaEnrollment",
                "DesignerEnrollment", "ObserverEnrollment")));
        long section = sim.sections(sim.courses().get(0).get("id").asLong()).get(0).get("id").asLong();
        assertEquals(sim.enrollments(section, List.of("deleted")),
                c.listAll("/api/v1/sections/" + section + "/enrollments?state[]=deleted"));
        JsonNode e = dflt.get(0);
        assertTrue(e.get("id").isIntegralNumber() && e.get("user_id").isIntegralNumber());
        assertTrue(e.get("created_at").asText().endsWith("Z"));
        assertEquals(e.get("user_id"), e.at("/user/id"));
    }

    @Test
    void usersHideDeletedUnlessAsked() throws Exception {
        CanvasTestClient c = start();
        List<JsonNode> live = c.listAll("/api/v1/accounts/self/users?per_page=100");
        List<JsonNode> withDeleted = c.listAll("/api/v1/accounts/self/users?per_page=100&include_deleted_users=true");
        assertTrue(withDeleted.size() > live.size());
        assertTrue(live.stream().noneMatch(u -> u.has("workflow_state")));
        assertTrue(withDeleted.stream().anyMatch(u -> "deleted".equals(u.path("workflow_state").asText())));
        // created_at carries the account's offset (America/Chicago), not Z.
        String created = live.get(0).get("created_at").asText();
        assertTrue(created.endsWith("-05:00") || created.endsWith("-06:00"), created);
        assertEquals(sim.users(false), live);
    }

    @Test
    void courseUsersFilterByEnrollmentType() throws Exception {
        CanvasTestClient c = start(config().deletedUserShare(0).build());
        long course = sim.courses().get(0).get("id").asLong();
        List<JsonNode> students = c.listAll("/api/v1/courses/" + course + "/users?enrollment_type[]=student");
        List<JsonNode> teachers = c.listAll("/api/v1/courses/" + course + "/users?enrollment_type[]=teacher");
        assertFalse(students.isEmpty());
        assertEquals(1, teachers.size());
    }

    @Test
    void assignmentsKeepPositionOrderAndShape() throws Exception {
        CanvasTestClient c = start();
        long course = sim.courses().get(0).get("id").asLong();
        List<JsonNode> list = c.listAll("/api/v1/courses/" + course + "/assignments");
        assertEquals(4, list.size());
        for (int i = 0; i < list.size(); i++) {
            assertEquals(i + 1, list.get(i).get("position").asInt());
        }
        JsonNode a = list.get(0);
        assertTrue(a.get("submission_types").isArray());
        assertTrue(a.get("points_possible").isNumber());
        assertEquals(a, c.getJson("/api/v1/courses/" + course + "/assignments/" + a.get("id").asLong()));
        assertEquals(Json.read(Json.text(a)), a);
    }
}
