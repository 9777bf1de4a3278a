package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The demo's change set between its two runs. */
final class DemoRound {
    private DemoRound() {
    }

    static String apply(GoogleSimulator sim) {
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
}
