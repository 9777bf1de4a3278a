package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmssync.simulator.Shapes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shapes real Classroom responses have (reference/api-samples.md), served by default. */
class GoogleRealShapesTest extends GoogleSimTestBase {

    private List<JsonNode> submissions() {
        List<JsonNode> out = new ArrayList<>();
        sim.courses().forEach(c -> out.addAll(sim.submissions(c.get("id").asText())));
        return out;
    }

    private List<JsonNode> courseWork() {
        List<JsonNode> out = new ArrayList<>();
        sim.courses().forEach(c -> out.addAll(sim.courseWork(c.get("id").asText())));
        return out;
    }

    private static Instant at(JsonNode n, String field) {
        return Instant.parse(n.get(field).asText());
    }

    private static List<String> history(JsonNode s) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : s.path("submissionHistory")) {
            out.add(e.has("stateHistory") ? e.get("stateHistory").get("state").asText()
                    : e.get("gradeHistory").get("gradeChangeType").asText().startsWith("DRAFT") ? "DRAFT" : "ASSIGNED");
        }
        return out;
    }

    @Test
    void submissionTimesAreUntidyAsInRealData() throws Exception {
        start(config().build());
        List<JsonNode> subs = submissions();
        assertTrue(subs.stream().filter(s -> s.has("creationTime"))
                .allMatch(s -> s.get("creationTime").asText().matches(".*\\.\\d{3}Z")), "three fraction digits, always");
        assertTrue(subs.stream().anyMatch(s -> s.has("creationTime") && at(s, "updateTime").isBefore(at(s, "creationTime"))),
                "some updateTime a few ms before creationTime");
        for (JsonNode s : subs) {
            if (s.has("creationTime")) {
                Instant first = Instant.parse(s.get("submissionHistory").get(0).get("stateHistory").get("stateTimestamp").asText());
                assertTrue(first.isBefore(at(s, "creationTime")), "the first stateTimestamp precedes creationTime: " + s);
            } else {
                assertTrue(s.get("state").asText().equals("NEW") && !s.has("updateTime") && !s.has("submissionHistory"));
            }
        }
        assertTrue(subs.stream().anyMatch(s -> s.get("state").asText().equals("CREATED") && s.path("late").asBoolean()),
                "late on work never turned in");
        assertTrue(subs.stream().noneMatch(s -> s.has("late") && !s.get("late").asBoolean()), "late:false is omitted");
    }

    @Test
    void historiesAndNestedListsAreAsRichAsRealOnes() throws Exception {
        start(config().build());
        List<JsonNode> subs = submissions();
        assertTrue(subs.stream().anyMatch(s -> history(s).stream().filter("DRAFT"::equals).count() >= 2), "repeated draft grades");
        assertTrue(subs.stream().anyMatch(s -> {
            List<String> h = history(s);
            return h.indexOf("ASSIGNED") > h.lastIndexOf("RETURNED") && h.lastIndexOf("RETURNED") >= 0;
        }), "the assigned grade comes after the RETURNED state");
        assertTrue(subs.stream().anyMatch(s -> String.join(",", history(s)).matches("CREATED,TURNED_IN,RETURNED,TURNED_IN,.*RETURNED.*")),
                "a resubmission cycle");
        assertTrue(subs.stream().anyMatch(s -> s.get("state").asText().equals("RETURNED") && !s.has("assignedGrade")
                && !history(s).contains("ASSIGNED")), "RETURNED without a grade");
        assertTrue(subs.stream().anyMatch(s -> s.path("assignmentSubmission").path("attachments").size() > 0));
        assertTrue(subs.stream().noneMatch(s -> s.path("assignmentSubmission").has("attachments")
                && s.get("assignmentSubmission").get("attachments").isEmpty()), "never an empty attachments list");
        List<JsonNode> work = courseWork();
        long withMaterials = work.stream().filter(w -> w.has("materials")).count();
        assertTrue(withMaterials > 0 && withMaterials < work.size(), withMaterials + " of " + work.size());
        assertTrue(work.stream().anyMatch(w -> w.path("materials").path(0).has("link")));
        assertTrue(work.stream().filter(w -> w.get("workType").asText().equals("ASSIGNMENT"))
                .allMatch(w -> w.path("assignment").path("studentWorkFolder").has("id")));
    }

    @Test
    void renamingCourseWorkLeavesItsSubmissionsAsTheyWere() throws Exception {
        start(config().build());
        String course = sim.courses().get(0).get("id").asText();
        String work = sim.courseWork(course).get(0).get("id").asText();
        List<JsonNode> before = sim.submissions(course, work);
        sim.changes().editCourseWork(course, work, "Renamed work");
        org.junit.jupiter.api.Assertions.assertEquals(before, sim.submissions(course, work));
    }

    @Test
    void theDocumentedFormIsTidy() throws Exception {
        start(config().shapes(Shapes.DOCUMENTED).build());
        for (JsonNode s : submissions()) {
            if (s.has("creationTime")) {
                assertFalse(at(s, "updateTime").isBefore(at(s, "creationTime")));
                assertFalse(s.get("state").asText().equals("CREATED") && s.has("late"));
            }
        }
        assertTrue(courseWork().stream().noneMatch(w -> w.has("materials")));
    }

    @Test
    void theMediumDistrictContainsEveryShape() throws Exception {
        // the medium demo district (GoogleDemo)
        start(config().size(new DistrictSize(250, 25, 2, 8, 3000, 200)).build());
        List<JsonNode> subs = new ArrayList<>();
        List<JsonNode> courses = sim.courses();
        for (JsonNode c : courses.subList(0, 5)) {
            subs.addAll(sim.submissions(c.get("id").asText()));
        }
        assertTrue(subs.stream().anyMatch(s -> s.has("creationTime") && at(s, "updateTime").isBefore(at(s, "creationTime"))));
        assertTrue(subs.stream().anyMatch(s -> !s.has("creationTime")), "NEW without timestamps");
        assertTrue(subs.stream().anyMatch(s -> String.join(",", history(s)).contains("RETURNED,TURNED_IN")));
        assertTrue(subs.stream().anyMatch(s -> history(s).stream().filter("DRAFT"::equals).count() >= 2));
        assertTrue(sim.courseWork(courses.get(0).get("id").asText()).stream().anyMatch(w -> w.has("materials")));
    }
}
