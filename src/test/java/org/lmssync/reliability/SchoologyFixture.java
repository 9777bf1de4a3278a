package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;

/** Schoology: 5 courses (2 pages of 4), their active sections, and the 12 active users. */
final class SchoologyFixture implements LmsFixture {
    private final SchoologySimulator sim;

    private SchoologyFixture(SchoologySimulator sim) {
        this.sim = sim;
    }

    static LmsFixture start(Path dir) {
        return new SchoologyFixture(SchoologySimulator.start(SchoologySimConfig.builder().seed(3)
                .size(new SchoologyDistrictSize(10, 2, 1, 5, 1, 3, 1, 1, 2, 1)).noRateLimit().build()));
    }

    @Override
    public String lms() {
        return "schoology";
    }

    @Override
    public String root() {
        return "courses";
    }

    @Override
    public String rootPath() {
        return "/v1/courses";
    }

    @Override
    public String otherRoot() {
        return "users";
    }

    @Override
    public List<String> resources() {
        return List.of("courses", "sections", "users");
    }

    @Override
    public Faults faults() {
        return sim.faults();
    }

    @Override
    public RequestLog requestLog() {
        return sim.requestLog();
    }

    @Override
    public Map<String, String> config(Path dir) {
        return Map.of("lms.schoology.enabled", "true",
                "lms.schoology.base-url", sim.apiBaseUrl(),
                "lms.schoology.key", sim.consumerKey(),
                "lms.schoology.secret", sim.consumerSecret(),
                "lms.schoology.requests-per-second", "1000",
                "lms.schoology.page-size", "4",
                "lms.schoology.resources", String.join(",", resources()),
                "lms.school-year-start", sim.schoolYearStart().toString());
    }

    @Override
    public void rejectCredentials(Map<String, String> config) {
        config.put("lms.schoology.secret", "wrong-schoology-secret-5c2b");
    }

    @Override
    public List<Table> truth() {
        Map<String, JsonNode> sections = new HashMap<>();
        for (long course : sim.courseIds()) {
            sim.sections(course).forEach(s -> sections.put(s.get("id").asText(), s));
        }
        return List.of(new Table("courses", "schoology_courses", "id", LmsFixture.byField(sim.courses(), "id")),
                new Table("sections", "schoology_sections", "id", sections, "course_id"),
                new Table("users", "schoology_users", "id", LmsFixture.byField(sim.users(), "id")));
    }

    @Override
    public void close() {
        sim.close();
    }
}
