package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangesTest extends CanvasSimTestBase {

    private static boolean hasId(List<JsonNode> list, long id) {
        return list.stream().anyMatch(n -> n.get("id").asLong() == id);
    }

    @Test
    void coursesAddRenameDelete() throws Exception {
        CanvasTestClient c = start();
        long added = sim.changes().addCourse("Robotics");
        long victim = sim.courses().get(0).get("id").asLong();
        sim.applyChanges(ch -> {
            ch.renameCourse(added, "Robotics II");
            ch.deleteCourse(victim);
        });
        List<JsonNode> dflt = c.listAll("/api/v1/accounts/self/courses?per_page=100");
        assertTrue(hasId(dflt, added));
        assertFalse(hasId(dflt, victim));
        assertEquals("Robotics II", c.getJson("/api/v1/courses/" + added).get("name").asText());
        List<JsonNode> deleted = c.listAll("/api/v1/accounts/self/courses?state[]=deleted&per_page=100");
        JsonNode gone = deleted.stream().filter(n -> n.get("id").asLong() == victim).findFirst().orElseThrow();
        assertEquals("deleted", gone.get("workflow_state").asText());
        assertEquals(1, sim.sections(added).size(), "a new course comes with its default section");
    }

    @Test
    void sectionsAndEnrollmentsChange() throws Exception {
        CanvasTestClient c = start(config().varyEnrollmentStates(false).deletedUserShare(0).build());
        long course = sim.courses().get(0).get("id").asLong();
        List<JsonNode> sections = sim.sections(course);
        long keep = sections.get(0).get("id").asLong();
        long drop = sections.get(1).get("id").asLong();
        List<JsonNode> before = sim.enrollments(keep);
        long inactive = before.get(0).get("id").asLong();
        long concluded = before.get(1).get("id").asLong();
        long removed = before.get(2).get("id").asLong();
        clock.set(NOW.plus(Duration.ofHours(1)));
        long user = sim.changes().addUser("Ada", "Lovelace");
        long added = sim.changes().enroll(keep, user, "StudentEnrollment");
        sim.applyChanges(ch -> {
            ch.deactivateEnrollment(inactive);
            ch.concludeEnrollment(concluded);
            ch.deleteEnrollment(removed);
            ch.deleteSection(drop);
        });
        assertEquals(404, c.get("/api/v1/sections/" + drop).statusCode());
        assertFalse(hasId(c.listAll("/api/v1/courses/" + course + "/sections"), drop));
        List<JsonNode> dflt = c.listAll("/api/v1/sections/" + keep + "/enrollments?per_page=100");
        assertEquals(before.size() - 2, dflt.size());
        assertTrue(hasId(dflt, added) && !hasId(dflt, inactive) && !hasId(dflt, concluded) && !hasId(dflt, removed));
        List<JsonNode> states = c.listAll("/api/v1/sections/" + keep
                + "/enrollments?state[]=inactive&state[]=completed&state[]=deleted");
        assertEquals(Set.of(inactive, concluded, removed),
                Set.copyOf(states.stream().map(n -> n.get("id").asLong()).toList()));
        states.forEach(n -> assertEquals("2025-03-10T13:00:00Z", n.get("updated_at").asText()));
        assertEquals(sim.enrollments(keep, List.of("inactive", "completed", "deleted")), states);
    }

    @Test
    void usersAddRenameDelete() throws Exception {
        CanvasTestClient c = start();
        long ada = sim.changes().addUser("Ada", "Lovelace");
        long victim = sim.users(false).get(3).get("id").asLong();
        sim.applyChanges(ch -> {
            ch.renameUser(ada, "Ada", "King");
            ch.deleteUser(victim);
        });
        List<JsonNode> live = c.listAll("/api/v1/accounts/self/users?per_page=100");
        assertTrue(hasId(live, ada) && !hasId(live, victim));
        assertTrue(live.stream().anyMatch(u -> u.get("name").asText().equals("Ada King")));
        assertTrue(hasId(c.listAll("/api/v1/accounts/self/users?per_page=100&include_deleted_users=true"), victim));
    }

    @Test
    void deletedAssignmentsDisappearWithTheirSubmissions() throws Exception {
        CanvasTestClient c = start();
        long course = sim.courses(List.of("available")).get(0).get("id").asLong();
        long doomed = sim.assignments(course).get(0).get("id").asLong();
        long added = sim.changes().addAssignment(course, "Lab report");
        sim.changes().editAssignment(sim.assignments(course).get(1).get("id").asLong(), "Renamed");
        sim.changes().deleteAssignment(doomed);
        List<JsonNode> list = c.listAll("/api/v1/courses/" + course + "/assignments");
        assertTrue(hasId(list, added) && !hasId(list, doomed));
        assertEquals("Renamed", list.get(0).get("name").asText());
        assertEquals(404, c.get("/api/v1/courses/" + course + "/assignments/" + doomed).statusCode());
        List<JsonNode> subs = c.listAll("/api/v1/courses/" + course + "/students/submissions?student_ids[]=all&per_page=100");
        assertTrue(subs.stream().noneMatch(s -> s.get("assignment_id").asLong() == doomed));
        assertTrue(subs.stream().anyMatch(s -> s.get("assignment_id").asLong() == added));
    }

    @Test
    void submitAndGradeArePickedUpByTheSinceFilters() throws Exception {
        CanvasTestClient c = start();
        long course = sim.courses(List.of("available")).get(0).get("id").asLong();
        JsonNode target = sim.submissions(course, null, null).stream()
                .filter(s -> s.get("workflow_state").asText().equals("unsubmitted")).findFirst().orElseThrow();
        long assignment = target.get("assignment_id").asLong();
        long student = target.get("user_id").asLong();
        String path = "/api/v1/courses/" + course + "/students/submissions?student_ids[]=all&per_page=100";
        String watermark = "2025-03-10T12:00:00Z";
        assertEquals(List.of(), c.listAll(path + "&submitted_since=" + watermark));

        clock.set(Instant.parse("2025-03-11T08:00:00Z"));
        sim.changes().submit(assignment, student);
        List<JsonNode> submitted = c.listAll(path + "&submitted_since=" + watermark);
        assertEquals(1, submitted.size());
        assertEquals("2025-03-11T08:00:00Z", submitted.get(0).get("submitted_at").asText());
        assertEquals("submitted", submitted.get(0).get("workflow_state").asText());
        assertEquals(List.of(), c.listAll(path + "&graded_since=" + watermark));

        clock.set(Instant.parse("2025-03-12T09:30:00Z"));
        sim.changes().grade(assignment, student, 17.5);
        List<JsonNode> graded = c.listAll(path + "&graded_since=" + watermark);
        assertEquals(1, graded.size());
        JsonNode g = graded.get(0);
        assertEquals("graded", g.get("workflow_state").asText());
        assertEquals("17.5", g.get("grade").asText());
        assertEquals("2025-03-12T09:30:00Z", g.get("graded_at").asText());
        assertEquals(target.get("id"), g.get("id"));
        assertEquals(sim.submissions(course, null, Instant.parse(watermark)), graded);
        assertThrows(IllegalArgumentException.class, () -> sim.changes().submit(assignment, 999_999));
    }

    @Test
    void addedAuthEventsShowUpNewestFirst() throws Exception {
        CanvasTestClient c = start();
        long user = sim.users(false).get(0).get("id").asLong();
        sim.changes().addAuthEvent(user, "login");
        List<JsonNode> events = c.listAll("/api/v1/audit/authentication/users/" + user + "?start_time=2025-03-01",
                d -> d.get("events"));
        assertEquals(1, events.size());
        assertEquals("2025-03-10T07:00:00-05:00", events.get(0).get("created_at").asText());
    }
}
