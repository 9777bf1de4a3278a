package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The demo's change set between its two runs. */
final class DemoRound {
    private DemoRound() {
    }

    static String apply(CanvasSimulator sim) {
        List<JsonNode> courses = sim.courses(List.of("available"));
        long a = courses.get(0).get("id").asLong();
        long b = courses.get(1).get("id").asLong();
        long section = sim.sections(b).get(0).get("id").asLong();
        long otherSection = sim.sections(a).get(0).get("id").asLong();
        JsonNode enrollment = sim.enrollments(otherSection).get(0);
        List<JsonNode> assignments = sim.assignments(a);
        JsonNode student = sim.enrollments(otherSection).stream()
                .filter(e -> e.get("type").asText().equals("StudentEnrollment")).findFirst().orElseThrow();
        long leaver = sim.users(false).get(sim.users(false).size() - 1).get("id").asLong();
        sim.applyChanges(c -> {
            c.addCourse("Demo Robotics");
            c.renameCourse(a, "Algebra I (renamed)");
            c.deleteSection(section);
            c.deactivateEnrollment(enrollment.get("id").asLong());
            c.deleteAssignment(assignments.get(assignments.size() - 1).get("id").asLong());
            c.grade(assignments.get(0).get("id").asLong(), student.get("user_id").asLong(), 17.5);
            c.deleteUser(leaver);
        });
        return "canvas: added a course, renamed a course, deleted a section, deactivated an enrollment,"
                + " deleted an assignment, graded a submission, deleted a user";
    }
}
