package org.lmssync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;

/** The Schoology simulator (OAuth 1.0a, its default token bucket of 50 requests per 5 s). */
public final class SchoologyDemo implements DemoSource {
    private final SchoologySimulator sim;

    /** @param scale {@code small} (about 2,000 records) or {@code medium} (about 55,000) */
    public SchoologyDemo(String scale) {
        SchoologyDistrictSize size = scale.equals("medium") ? SchoologyDistrictSize.medium()
                : new SchoologyDistrictSize(200, 10, 5, 5, 2, 25, 6, 20, 4, 20);
        // The school year starts on the demo's lms.school-year-start, so attendance falls in the synced dates.
        sim = SchoologySimulator.start(SchoologySimConfig.builder().seed(2026).size(size)
                .schoolYearStart(DemoCommand.schoolYearStart()).build());
    }

    /** The running simulator, for tests that change its data beyond {@link #change()}. */
    public SchoologySimulator simulator() {
        return sim;
    }

    @Override
    public String lms() {
        return "schoology";
    }

    @Override
    public Map<String, String> settings(Path dir) {
        return Map.of(
                "lms.schoology.enabled", "true",
                "lms.schoology.base-url", sim.apiBaseUrl(),
                "lms.schoology.key", sim.consumerKey(),
                "lms.schoology.secret", sim.consumerSecret(),
                "lms.school-year-start", DemoCommand.schoolYearStart().toString());
    }

    @Override
    public String change() {
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

    @Override
    public long requests() {
        return sim.requestLog().size();
    }

    @Override
    public void close() {
        sim.close();
    }
}
