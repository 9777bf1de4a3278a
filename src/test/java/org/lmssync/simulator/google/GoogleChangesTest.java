package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoogleChangesTest extends GoogleSimTestBase {

    private static boolean containsId(List<JsonNode> nodes, String field, String id) {
        return nodes.stream().anyMatch(n -> n.get(field).asText().equals(id));
    }

    @Test
    void courseLifecycle() throws Exception {
        GoogleTestClient c = startAndLogin();
        String id = sim.changes().addCourse("Robotics 10");
        assertTrue(containsId(c.listAll("/v1/courses", "", "courses"), "id", id));
        assertEquals("2025-03-10T12:00:00.000Z", sim.course(id).orElseThrow().get("creationTime").asText());

        clock.advance(Duration.ofMinutes(5));
        sim.changes().renameCourse(id, "Robotics 11");
        JsonNode course = c.getJson("/v1/courses/" + id);
        assertEquals("Robotics 11", course.get("name").asText());
        assertEquals("2025-03-10T12:05:00.000Z", course.get("updateTime").asText());

        sim.changes().setCourseState(id, "ARCHIVED");
        assertEquals("ARCHIVED", c.getJson("/v1/courses/" + id).get("courseState").asText());
        assertTrue(containsId(c.listAll("/v1/courses", "", "courses"), "id", id), "archived is listed by default");

        sim.changes().deleteCourse(id);
        assertFalse(containsId(c.listAll("/v1/courses", "", "courses"), "id", id));
        assertEquals(404, c.get("/v1/courses/" + id).statusCode());
    }

    @Test
    void rosterChanges() throws Exception {
        GoogleTestClient c = startAndLogin();
        String courseId = sim.courses().get(0).get("id").asText();
        int cw = sim.courseWork(courseId).size();
        int before = sim.submissions(courseId).size();
        String userId = sim.applyChangesAndGet(ch -> {
            String u = ch.addUser("Zoe", "Quinn");
            ch.addStudent(courseId, u);
            return u;
        });
        List<JsonNode> students = c.listAll("/v1/courses/" + courseId + "/students", "", "students");
        assertTrue(containsId(students, "userId", userId));
        assertEquals(before + cw, sim.submissions(courseId).size(), "new student gets a submission per work");
        assertEquals(sim.config().size().students() + sim.config().size().teachers() + 1,
                sim.usage(LocalDate.parse("2025-03-01")).size(), "new user appears in usage");

        String leaving = students.get(0).get("userId").asText();
        sim.changes().removeStudent(courseId, leaving);
        assertFalse(containsId(c.listAll("/v1/courses/" + courseId + "/students", "", "students"), "userId", leaving));
        assertFalse(containsId(sim.submissions(courseId), "userId", leaving));

        sim.changes().addTeacher(courseId, userId);
        assertTrue(containsId(c.listAll("/v1/courses/" + courseId + "/teachers", "", "teachers"), "userId", userId));
        sim.changes().removeTeacher(courseId, userId);
        assertFalse(containsId(sim.teachers(courseId), "userId", userId));
        assertThrows(IllegalArgumentException.class, () -> sim.changes().addStudent(courseId, "nobody"));
    }

    @Test
    void courseWorkChanges() throws Exception {
        GoogleTestClient c = startAndLogin();
        String courseId = sim.courses().get(0).get("id").asText();
        String path = "/v1/courses/" + courseId + "/courseWork";

        String added = sim.changes().addCourseWork(courseId, "Lab report");
        assertEquals(added, c.getJson(path).get("courseWork").get(0).get("id").asText(),
                "newest update comes first by default");

        String edited = sim.courseWork(courseId).get(3).get("id").asText();
        clock.advance(Duration.ofSeconds(30));
        sim.changes().editCourseWork(courseId, edited, "Renamed");
        JsonNode top = c.getJson(path).get("courseWork").get(0);
        assertEquals(edited, top.get("id").asText());
        assertEquals("2025-03-10T12:00:30.000Z", top.get("updateTime").asText());

        clock.advance(Duration.ofSeconds(30));
        sim.changes().deleteCourseWork(courseId, edited);
        assertFalse(containsId(c.listAll(path, "", "courseWork"), "id", edited));
        List<JsonNode> deleted = c.listAll(path, "courseWorkStates=DELETED", "courseWork");
        assertEquals(1, deleted.size());
        assertEquals("DELETED", deleted.get(0).get("state").asText());
        assertEquals("2025-03-10T12:01:00.000Z", deleted.get(0).get("updateTime").asText());
        assertFalse(containsId(sim.submissions(courseId), "courseWorkId", edited), "its submissions are gone");
        assertEquals(404, c.get(path + "/" + edited + "/studentSubmissions").statusCode());

        String draft = sim.changes().addCourseWork(courseId, "Draft quiz", "DRAFT");
        assertFalse(containsId(c.listAll(path, "", "courseWork"), "id", draft));
        assertTrue(containsId(c.listAll(path, "courseWorkStates=DRAFT&courseWorkStates=PUBLISHED", "courseWork"),
                "id", draft));
    }

    @Test
    void submissionEditBumpsUpdateTime() throws Exception {
        GoogleTestClient c = startAndLogin();
        String courseId = sim.courses().get(0).get("id").asText();
        JsonNode sub = sim.submissions(courseId).get(0);
        String cwId = sub.get("courseWorkId").asText();
        String userId = sub.get("userId").asText();
        clock.advance(Duration.ofMinutes(30)); // stays within the access token lifetime
        String subId = sim.changes().editSubmission(courseId, cwId, userId, "RETURNED", 87.5);
        assertEquals(sub.get("id").asText(), subId);
        JsonNode after = c.listAll("/v1/courses/" + courseId + "/courseWork/-/studentSubmissions", "",
                "studentSubmissions").stream().filter(n -> n.get("id").asText().equals(subId)).findFirst().orElseThrow();
        assertEquals("2025-03-10T12:30:00.000Z", after.get("updateTime").asText());
        assertEquals("RETURNED", after.get("state").asText());
        assertEquals(87.5, after.get("assignedGrade").asDouble());
        assertNotEquals(sub, after);
    }

    @Test
    void editsNeverMoveUpdateTimeBackwards() throws Exception {
        start(config().build());
        clock.set(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        String courseId = sim.courses().get(0).get("id").asText();
        String before = sim.course(courseId).orElseThrow().get("updateTime").asText();
        sim.changes().renameCourse(courseId, "Back in time");
        String after = sim.course(courseId).orElseThrow().get("updateTime").asText();
        assertTrue(java.time.Instant.parse(after).isAfter(java.time.Instant.parse(before)));
    }

    @Test
    void setTodayMovesWarnings() throws Exception {
        startAndLogin();
        LocalDate d = LocalDate.parse("2025-03-09");
        assertFalse(sim.usageWarnings(d).isEmpty());
        sim.changes().setToday(LocalDate.parse("2025-03-20"));
        assertTrue(sim.usageWarnings(d).isEmpty());
        assertEquals(LocalDate.parse("2025-03-20"), sim.today());
    }
}
