package org.lmssync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;

/** The Google Classroom + Reports simulator. */
public final class GoogleDemo implements DemoSource {
    private final GoogleSimulator sim;

    /** @param scale {@code small} (about 7,000 records) or {@code medium} (about 80,000) */
    public GoogleDemo(String scale) {
        DistrictSize size = scale.equals("medium") ? DistrictSize.medium()
                : new DistrictSize(20, 25, 2, 8, 400, 30);
        sim = GoogleSimulator.start(GoogleSimConfig.builder().seed(2026).size(size).build());
    }

    /** The running simulator, for tests that change its data beyond {@link #change()}. */
    public GoogleSimulator simulator() {
        return sim;
    }

    @Override
    public String lms() {
        return "google";
    }

    @Override
    public Map<String, String> settings(Path dir) {
        Path key = sim.writeServiceAccountKey(dir.resolve("google-service-account.json"));
        return Map.of(
                "lms.google.enabled", "true",
                "lms.google.classroom-url", sim.baseUrl(),
                "lms.google.reports-url", sim.baseUrl(),
                "lms.google.service-account-file", key.toString(),
                "lms.google.admin-email", sim.adminEmail(),
                "lms.school-year-start", DemoCommand.schoolYearStart().toString());
    }

    @Override
    public String change() {
        List<String> courses = sim.courses().stream().map(c -> c.get("id").asText()).toList();
        String a = courses.get(0);
        String b = courses.get(1);
        String gone = courses.get(2);
        JsonNode student = sim.students(b).get(0);
        List<JsonNode> work = sim.courseWork(a);
        sim.applyChanges(c -> {
            String added = c.addCourse("Demo Robotics");
            String user = c.addUser("Ada", "Lovelace");
            c.addStudent(added, user);
            c.addCourseWork(added, "Build a line follower");
            c.renameCourse(a, "Algebra I (renamed)");
            c.deleteCourse(gone);
            c.removeStudent(b, student.get("userId").asText());
            c.editCourseWork(a, work.get(0).get("id").asText(), "Essay 1 (revised)");
            c.deleteCourseWork(a, work.get(1).get("id").asText());
        });
        return "google: added a course with a student and coursework, renamed a course, deleted a course,"
                + " removed a student, revised one coursework and deleted another";
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
