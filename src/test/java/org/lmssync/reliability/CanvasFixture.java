package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;

/** Canvas: 8 courses (2 pages of 4), their sections, and the account's 15 users. */
final class CanvasFixture implements LmsFixture {
    private final CanvasSimulator sim;

    private CanvasFixture(CanvasSimulator sim) {
        this.sim = sim;
    }

    static LmsFixture start(Path dir) {
        return new CanvasFixture(CanvasSimulator.start(CanvasSimConfig.builder().seed(5)
                .size(new CanvasDistrictSize(1, 1, 8, 1, 4, 1, 1, 12, 3, 0)).throttling(false).build()));
    }

    /** For Canvas-only faults such as a permission refusal. */
    CanvasSimulator simulator() {
        return sim;
    }

    @Override
    public String lms() {
        return "canvas";
    }

    @Override
    public String root() {
        return "courses";
    }

    @Override
    public String rootPath() {
        return "/api/v1/accounts/self/courses";
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
        return Map.of("lms.canvas.enabled", "true",
                "lms.canvas.base-url", sim.baseUrl(),
                "lms.canvas.access-token", sim.accessToken(),
                "lms.canvas.requests-per-second", "1000",
                "lms.canvas.page-size", "4",
                "lms.canvas.resources", String.join(",", resources()));
    }

    @Override
    public void rejectCredentials(Map<String, String> config) {
        config.put("lms.canvas.access-token", "wrong-canvas-token-7d1e");
    }

    @Override
    public List<Table> truth() {
        Map<String, JsonNode> sections = new HashMap<>();
        for (JsonNode c : sim.courses(List.of("all"))) {
            sim.sections(c.get("id").asLong()).forEach(s -> sections.put(s.get("id").asText(), s));
        }
        return List.of(new Table("courses", "canvas_courses", "id", LmsFixture.byField(sim.courses(List.of("all")), "id")),
                new Table("sections", "canvas_sections", "id", sections, "course_id"),
                new Table("users", "canvas_users", "id", LmsFixture.byField(sim.users(true), "id")));
    }

    @Override
    public void close() {
        sim.close();
    }
}
