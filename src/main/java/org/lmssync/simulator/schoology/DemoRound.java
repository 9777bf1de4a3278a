package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The demo's change set between its two runs, retirement (a past grading period) and deletion included. */
final class DemoRound {
    private DemoRound() {
    }

    static String apply(SchoologySimulator sim) {
        List<Long> courses = sim.courseIds();
        long course = courses.get(0);
        List<Long> sections = courses.stream().skip(1).map(c -> sim.sectionIds(c, false))
                .filter(l -> l.size() >= 2).findFirst().orElseThrow();
        long past = sections.get(0);
        long gone = sections.get(1);
        long section = sim.sectionIds(course, false).get(0);
        List<Long> assignments = sim.assignmentIds(section);
        JsonNode leaver = sim.users().get(3);
        List<JsonNode> roster = sim.enrollments(section);
        long submitter = roster.get(1).get("uid").asLong(); // [0] is the teacher
        sim.applyChanges(c -> {
            long user = c.addUser("Ada", "Lovelace", false);
            c.addEnrollment(section, user);
            c.submit(section, assignments.get(0), user);
            c.submit(section, assignments.get(0), submitter);
            c.renameCourse(course, "Algebra I (renamed)");
            c.deactivateUser(leaver.get("id").asLong());
            c.editAssignment(section, assignments.get(1), "Essay 1 (revised)", 50);
            c.deleteAssignment(section, assignments.get(2));
            c.moveSectionToPastGradingPeriod(past);
            c.deleteSection(gone);
        });
        return "schoology: added a student with an enrollment and a submission, resubmitted one, renamed a course,"
                + " deactivated a user, revised one assignment and deleted another, moved section " + past
                + " to a past grading period (retired, kept) and deleted section " + gone + " (deleted with its children)";
    }
}
