package org.lmssync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;

/** The Canvas simulator, with its leaky-bucket throttle on. */
final class CanvasDemo implements DemoSource {
    private final CanvasSimulator sim;

    /** @param scale {@code small} (about 1,500 records) or {@code medium} (about 60,000) */
    CanvasDemo(String scale) {
        CanvasDistrictSize size = scale.equals("medium") ? CanvasDistrictSize.medium() : CanvasDistrictSize.small();
        // The demo's token lacks Canvas's "Users - view login IDs": users come without login_id, as real
        // Canvas sends them to such a token (the key is left out, not null).
        sim = CanvasSimulator.start(CanvasSimConfig.builder().seed(2026).size(size).viewLoginIds(false).build());
    }

    @Override
    public String lms() {
        return "canvas";
    }

    @Override
    public Map<String, String> settings(Path dir) {
        return Map.of(
                "lms.canvas.enabled", "true",
                "lms.canvas.base-url", sim.baseUrl(),
                "lms.canvas.access-token", sim.accessToken(),
                "lms.canvas.account-id", "self");
    }

    @Override
    public String change() {
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
            long added = c.addCourse("Demo Robotics");
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

    @Override
    public long requests() {
        return sim.requestLog().size();
    }

    @Override
    public void close() {
        sim.close();
    }
}
