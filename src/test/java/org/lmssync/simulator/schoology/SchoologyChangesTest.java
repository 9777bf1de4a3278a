package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchoologyChangesTest extends SchoologySimTestBase {

    private static boolean hasId(List<JsonNode> items, String field, long id) {
        return items.stream().anyMatch(i -> i.get(field).asLong() == id);
    }

    @Test
    void usersAddRenameAndDeactivate() throws Exception {
        SchoologyTestClient c = start();
        long uid = sim.changes().addUser("Rosa", "Parks", false);
        sim.changes().renameUser(uid, "Rosa", "Parks-Lee");
        JsonNode added = c.listAll("/users", "user").stream().filter(u -> u.get("uid").asLong() == uid).findFirst().orElseThrow();
        assertEquals("Rosa Parks-Lee", added.get("name_display").asText());
        clock.advance(Duration.ofMinutes(5));
        sim.changes().deactivateUser(uid);
        assertFalse(hasId(c.listAll("/users", "user"), "uid", uid));
        JsonNode gone = c.listAll("/users/inactive", "user").stream().filter(u -> u.get("uid").asLong() == uid).findFirst().orElseThrow();
        assertEquals(clock.instant().getEpochSecond(), gone.get("inactive_timestamp").asLong());
        assertEquals(404, c.get("/users/" + uid).statusCode());
        assertEquals(gone, c.getJson("/users/inactive/" + uid));
        assertEquals(sim.inactiveUsers(), c.listAll("/users/inactive", "user"));
    }

    @Test
    void coursesAddRenameAndHardDelete() throws Exception {
        SchoologyTestClient c = start();
        long courseId = sim.changes().addCourse("Astronomy 1");
        long sectionId = sim.changes().addSection(courseId, "Section A");
        assertEquals(List.of(sectionId), sim.sectionIds(courseId, false));
        sim.changes().renameCourse(courseId, "Astronomy 2");
        assertEquals("Astronomy 2", c.getJson("/courses/" + courseId).get("title").asText());
        assertEquals("Astronomy 2", c.getJson("/sections/" + sectionId).get("course_title").asText());
        sim.changes().deleteCourse(courseId);
        assertFalse(hasId(c.listAll("/courses", "course"), "id", courseId));
        assertEquals(404, c.get("/courses/" + courseId + "/sections").statusCode());
        assertEquals(404, c.get("/sections/" + sectionId + "/enrollments").statusCode());
    }

    @Test
    void sectionMovedToPastIsHiddenButNotDeleted() throws Exception {
        SchoologyTestClient c = start(config().pastSectionShare(0).build());
        long courseId = sim.courseIds().get(0);
        List<Long> ids = sim.sectionIds(courseId, true);
        long moved = ids.get(0);
        long deleted = ids.get(1);
        sim.applyChanges(ch -> {
            ch.moveSectionToPastGradingPeriod(moved);
            ch.deleteSection(deleted);
        });
        String path = "/courses/" + courseId + "/sections";
        List<JsonNode> current = c.listAll(path, "section");
        List<JsonNode> all = c.listAll(path + "?include_past=1", "section");
        assertFalse(hasId(current, "id", moved), "past section vanishes from the default listing");
        assertTrue(hasId(all, "id", moved), "but include_past=1 still lists it");
        assertFalse(hasId(current, "id", deleted));
        assertFalse(hasId(all, "id", deleted), "a hard-deleted section is gone from both");
        assertEquals(sim.sections(courseId, false), current);
        assertEquals(sim.sections(courseId, true), all);
        assertEquals(200, c.get("/sections/" + moved + "/enrollments").statusCode());
        assertEquals(404, c.get("/sections/" + deleted).statusCode());
    }

    @Test
    void todayDecidesWhatIsPast() throws Exception {
        SchoologyTestClient c = start(config().pastSectionShare(0).build());
        long courseId = sim.courseIds().get(0);
        int before = c.listAll("/courses/" + courseId + "/sections", "section").size();
        assertTrue(before > 0);
        sim.setToday(sim.schoolYearStart().plusYears(1));
        assertEquals(0, c.listAll("/courses/" + courseId + "/sections", "section").size());
        assertEquals(before, c.listAll("/courses/" + courseId + "/sections?include_past=1", "section").size());
    }

    @Test
    void sectionEditsChangeTheJson() throws Exception {
        SchoologyTestClient c = start();
        long sectionId = sim.allSectionIds(false).get(0);
        JsonNode before = c.getJson("/sections/" + sectionId);
        sim.applyChanges(ch -> {
            ch.renameSection(sectionId, "Renamed");
            ch.setSectionActive(sectionId, false);
        });
        JsonNode after = c.getJson("/sections/" + sectionId);
        assertEquals("Renamed", after.get("section_title").asText());
        assertEquals(0, after.get("active").asInt());
        assertFalse(before.equals(after));
    }

    @Test
    void enrollmentsAddStatusAndDelete() throws Exception {
        SchoologyTestClient c = start();
        long sectionId = sim.allSectionIds(false).get(0);
        long uid = sim.changes().addUser("New", "Student", false);
        long enrollmentId = sim.changes().addEnrollment(sectionId, uid);
        String path = "/sections/" + sectionId + "/enrollments";
        assertTrue(hasId(c.listAll(path, "enrollment"), "id", enrollmentId));
        sim.changes().setEnrollmentStatus(sectionId, enrollmentId, EnrollmentStatus.ARCHIVED);
        JsonNode e = c.listAll(path, "enrollment").stream().filter(x -> x.get("id").asLong() == enrollmentId).findFirst().orElseThrow();
        assertEquals("5", e.get("status").asText());
        assertEquals(1, c.getJson(path + "?uid=" + uid).get("enrollment").size());
        assertEquals(0, c.getJson(path + "?uid=" + uid + "&enrollment_status=1").get("enrollment").size());
        sim.changes().deleteEnrollment(sectionId, enrollmentId);
        assertFalse(hasId(c.listAll(path, "enrollment"), "id", enrollmentId));
        assertEquals(sim.enrollments(sectionId), c.listAll(path, "enrollment"));
        assertThrows(IllegalArgumentException.class, () -> sim.changes().setEnrollmentStatus(sectionId, enrollmentId, 1));
    }

    @Test
    void assignmentsAndSubmissions() throws Exception {
        SchoologyTestClient c = start();
        long sectionId = sim.allSectionIds(false).get(0);
        long assignmentId = sim.changes().addAssignment(sectionId, "Lab report");
        sim.changes().editAssignment(sectionId, assignmentId, "Lab report v2", 50);
        String path = "/sections/" + sectionId + "/assignments";
        JsonNode a = c.listAll(path, "assignment").stream().filter(x -> x.get("id").asLong() == assignmentId).findFirst().orElseThrow();
        assertEquals("Lab report v2", a.get("title").asText());
        assertEquals("50", a.get("max_points").asText());

        long uid = sim.enrollments(sectionId).get(1).get("uid").asLong();
        String subs = "/sections/" + sectionId + "/submissions/" + assignmentId;
        assertEquals(0, c.getJson(subs).get("revision").size());
        assertEquals(1, sim.changes().submit(sectionId, assignmentId, uid));
        clock.advance(Duration.ofHours(1));
        assertEquals(2, sim.changes().submit(sectionId, assignmentId, uid));
        JsonNode latest = c.getJson(subs).get("revision").get(0);
        assertEquals(2, latest.get("revision_id").asInt());
        assertEquals(clock.instant().getEpochSecond(), latest.get("created").asLong());
        assertEquals(2, c.getJson(subs + "?all_revisions=1").get("revision").size());
        sim.changes().editSubmission(sectionId, assignmentId, uid, true, false);
        assertEquals(1, c.getJson(subs).at("/revision/0/late").asInt());
        sim.changes().deleteSubmission(sectionId, assignmentId, uid);
        assertEquals(0, c.getJson(subs).get("revision").size());

        sim.changes().deleteAssignment(sectionId, assignmentId);
        assertFalse(hasId(c.listAll(path, "assignment"), "id", assignmentId));
        assertEquals(404, c.get(subs).statusCode());
        assertEquals(sim.assignments(sectionId), c.listAll(path, "assignment"));
    }

    @Test
    void attendanceOnNewDates() throws Exception {
        SchoologyTestClient c = start();
        long sectionId = sim.allSectionIds(false).get(0);
        long enrollmentId = sim.enrollments(sectionId).get(1).get("id").asLong();
        LocalDate day = TODAY;
        String path = "/sections/" + sectionId + "/attendance?start=" + day + "&end=" + day;
        assertEquals(0, c.getJson(path).get("date").size());
        sim.changes().addAttendance(sectionId, day, enrollmentId, AttendanceStatus.LATE, "bus");
        JsonNode page = c.getJson(path);
        assertEquals(1, page.get("date").size());
        JsonNode entry = page.at("/date/0/statuses/status/0/attendances/attendance/0");
        assertEquals(enrollmentId, entry.get("enrollment_id").asLong());
        assertEquals(3, entry.get("status").asInt());
        assertEquals("bus", entry.get("comment").asText());
        assertEquals(1, page.at("/totals/total/0/count").asInt());
        assertEquals(sim.attendance(sectionId, day, day), SchoologyApiTest.toList(page.get("date")));
        int all = sim.attendanceEntries(sectionId, null, null).size();
        assertEquals(7, all);
        sim.changes().removeAttendance(sectionId, day, enrollmentId);
        assertEquals(0, c.getJson(path).get("date").size());
    }
}
