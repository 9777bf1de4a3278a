package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.reliability.LmsFixture.Table;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;

/** Canvas: 8 courses (2 pages of 4), their sections, and the account's 15 users. */
public final class CanvasFixture implements LmsFixture.Starter {
    @Override
    public String lms() {
        return "canvas";
    }

    @Override
    public LmsFixture start(Path dir) {
        CanvasSimulator sim = CanvasSimulator.start(CanvasSimConfig.builder().seed(5)
                .size(new CanvasDistrictSize(1, 1, 8, 1, 4, 1, 1, 12, 3, 0)).throttling(false).build());
        return new LmsFixture(sim, "courses", "/api/v1/accounts/self/courses", "users",
                List.of("courses", "sections", "users"), 4, Map.of(), () -> truth(sim));
    }

    private static List<Table> truth(CanvasSimulator sim) {
        Map<String, JsonNode> sections = new HashMap<>();
        for (JsonNode c : sim.courses(List.of("all"))) {
            sim.sections(c.get("id").asLong()).forEach(s -> sections.put(s.get("id").asText(), s));
        }
        return List.of(new Table("courses", "canvas_courses", "id", LmsFixture.byField(sim.courses(List.of("all")), "id")),
                new Table("sections", "canvas_sections", "id", sections, "course_id"),
                new Table("users", "canvas_users", "id", LmsFixture.byField(sim.users(false, true), "id")));
    }
}
