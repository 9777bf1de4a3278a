package org.lmssync.simulator.schoology;

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

/** The shapes real Schoology responses have (reference/api-samples.md), served by default. */
class SchoologyRealShapesTest extends SchoologySimTestBase {

    private List<JsonNode> allAssignments() {
        List<JsonNode> out = new ArrayList<>();
        for (long s : sim.allSectionIds(false)) {
            out.addAll(sim.assignments(s));
        }
        return out;
    }

    @Test
    void idsAreAboveThirtyTwoBitsAsInRealData() throws Exception {
        SchoologyTestClient c = start();
        JsonNode section = c.getJson("/courses/" + sim.courseIds().get(0) + "/sections").get("section").get(0);
        assertTrue(section.get("id").isTextual(), "section ids are strings");
        assertTrue(Long.parseLong(section.get("id").asText()) > Integer.MAX_VALUE, section.get("id").asText());
        assertTrue(Long.parseLong(section.get("course_id").asText()) > Integer.MAX_VALUE);
        assertTrue(Long.parseLong(section.get("school_id").asText()) > Integer.MAX_VALUE);
        JsonNode assignment = c.getJson("/sections/" + section.get("id").asText() + "/assignments").get("assignment").get(0);
        assertTrue(assignment.get("id").isIntegralNumber(), "assignment ids are numbers");
        assertTrue(assignment.get("id").asLong() > 0xFFFF_FFFFL / 2 + 1, assignment.get("id").toString());
        JsonNode enrollment = sim.enrollments(section.get("id").asLong()).get(0);
        assertTrue(Long.parseLong(enrollment.get("id").asText()) > Integer.MAX_VALUE);
        long uid = sim.users().get(0).get("id").asLong();
        assertTrue(uid >= 100_000_000L && uid < 1_000_000_000L, "uids are about 10^8: " + uid);
    }

    @Test
    void gradingPeriodsCarryActiveAsANumberOrInTheDocumentedFormAsAString() throws Exception {
        SchoologyTestClient c = start();
        JsonNode periods = c.getJson("/gradingperiods").get("gradingperiods");
        Set<String> active = new java.util.HashSet<>();
        for (JsonNode p : periods) {
            assertTrue(p.get("active").isInt(), p.toString());
            active.add(p.get("active").asText());
            assertFalse(p.get("has_children").asBoolean());
            assertEquals("0", p.get("parent").textValue());
        }
        assertEquals(Set.of("0", "1"), active, "periods that are not active are listed too");
        sim.close();
        c = start(config().shapes(Shapes.DOCUMENTED).build());
        for (JsonNode p : c.getJson("/gradingperiods").get("gradingperiods")) {
            assertTrue(p.get("active").isTextual(), p.toString());
            assertFalse(p.has("has_children"));
        }
    }

    @Test
    void assignmentsCarryTheRealFieldsAndNotTheDocumentationOnes() throws Exception {
        start();
        List<JsonNode> assignments = allAssignments();
        assertFalse(assignments.isEmpty());
        for (JsonNode a : assignments) {
            assertTrue(a.get("last_updated").isTextual() && a.get("last_updated").asText().matches("\\d{10}"), a.toString());
            assertEquals("basic", a.get("assignment_type").asText());
            assertTrue(a.get("web_url").asText().contains("/assignment/" + a.get("id").asLong()));
            assertTrue(a.has("folder_id") && a.has("display_weight"));
            assertFalse(a.has("count_in_grade") || a.has("collected_only") || a.has("auto_publish_grades"), a.toString());
            assertTrue(a.get("grading_category").asText().length() >= 8, "a real category id");
            assertTrue(a.get("due").asText().endsWith(":00"), "due on whole minutes");
        }
        assertTrue(assignments.stream().anyMatch(a -> !a.get("folder_id").asText().equals("0")));
        // last_updated moves when the assignment is edited
        long section = sim.allSectionIds(false).get(0);
        JsonNode first = sim.assignments(section).get(0);
        clock.advance(java.time.Duration.ofHours(1));
        sim.applyChanges(ch -> ch.editAssignment(section, first.get("id").asLong(), "Renamed", null));
        JsonNode edited = sim.assignments(section).stream().filter(a -> a.get("id").equals(first.get("id"))).findFirst().orElseThrow();
        assertEquals(String.valueOf(clock.instant().getEpochSecond()), edited.get("last_updated").asText());
        sim.close();
        start(config().shapes(Shapes.DOCUMENTED).build());
        JsonNode documented = allAssignments().get(0);
        assertTrue(documented.has("count_in_grade") && !documented.has("last_updated"));
    }

    @Test
    void usersAndSectionsHaveTheRealKeySets() throws Exception {
        start();
        JsonNode u = sim.users().get(0);
        assertFalse(u.has("building_id"), "no building_id in real exports");
        assertEquals("1", u.get("use_preferred_first_name").textValue());
        assertEquals("", u.get("language").textValue());
        JsonNode s = sim.sections(sim.courseIds().get(0)).get(0);
        assertTrue(s.has("parent_id") && s.get("parent_id").isNull());
        JsonNode visibility = s.get("options").get("content_index_visibility");
        assertEquals(9, visibility.size());
        assertTrue(s.get("options").has("hide_overall_grade"));
        Set<String> types = sim.users().stream().map(x -> x.get("uid").getNodeType() + "/" + x.get("id").getNodeType())
                .collect(Collectors.toSet());
        assertEquals(Set.of("STRING/NUMBER"), types, "uid a string, id a number, as in real users");
    }
}
