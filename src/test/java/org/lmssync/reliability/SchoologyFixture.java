package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.reliability.LmsFixture.Table;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;

/** Schoology: 5 courses (2 pages of 4), their active sections, and the 12 active users. */
public final class SchoologyFixture implements LmsFixture.Starter {
    @Override
    public String lms() {
        return "schoology";
    }

    @Override
    public LmsFixture start(Path dir) {
        SchoologySimulator sim = SchoologySimulator.start(SchoologySimConfig.builder().seed(3)
                .size(new SchoologyDistrictSize(10, 2, 1, 5, 1, 3, 1, 1, 2, 1)).noRateLimit().build());
        return new LmsFixture(sim, "courses", "/v1/courses", "users", List.of("courses", "sections", "users"), 4, Map.of(),
                () -> truth(sim));
    }

    private static List<Table> truth(SchoologySimulator sim) {
        Map<String, JsonNode> sections = new HashMap<>();
        for (long course : sim.courseIds()) {
            sim.sections(course).forEach(s -> sections.put(s.get("id").asText(), s));
        }
        return List.of(new Table("courses", "schoology_courses", "id", LmsFixture.byField(sim.courses(), "id")),
                new Table("sections", "schoology_sections", "id", sections, "course_id"),
                new Table("users", "schoology_users", "id", LmsFixture.byField(sim.users(), "id")));
    }
}
