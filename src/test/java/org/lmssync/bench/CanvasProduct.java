package org.lmssync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;

/** Canvas small district, throttling off: six resources, submissions by two watermark filters. */
final class CanvasProduct implements Product {
    private static final List<String> ALL_STATES = List.of("all");
    private static final List<String> ENROLLMENT_STATES = List.of("active", "invited", "creation_pending", "deleted",
            "rejected", "completed", "inactive");
    private final CanvasSimulator sim = CanvasSimulator.start(CanvasSimConfig.builder().seed(5)
            .size(CanvasDistrictSize.small()).throttling(false).build());
    private final int pageSize;

    CanvasProduct(int pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public String lms() {
        return "canvas";
    }

    @Override
    public Map<String, String> config(Path db, Path work) {
        Map<String, String> c = ProductConfig.canvas(sim, db, 100_000);
        c.put("lms.canvas.page-size", Integer.toString(pageSize));
        return c;
    }

    @Override
    public RequestLog log() {
        return sim.requestLog();
    }

    @Override
    public String resourceOf(RequestLog.Entry e) {
        String p = e.path();
        if (p.matches("/api/v1/accounts/[^/]+/courses")) {
            return "courses";
        } else if (p.matches("/api/v1/accounts/[^/]+/users")) {
            return "users";
        } else if (p.matches("/api/v1/courses/\\d+/sections")) {
            return "sections";
        } else if (p.matches("/api/v1/sections/\\d+/enrollments")) {
            return "enrollments";
        } else if (p.matches("/api/v1/courses/\\d+/assignments")) {
            return "assignments";
        } else if (p.matches("/api/v1/courses/\\d+/students/submissions")) {
            return "submissions";
        }
        return null;
    }

    @Override
    public List<Need> fullSync() {
        return needs(false);
    }

    @Override
    public List<Need> noChange(Path db) {
        return needs(true);
    }

    private List<Need> needs(boolean noChange) {
        List<JsonNode> courses = sim.courses(ALL_STATES);
        long sections = 0;
        long enrollments = 0;
        long assignments = 0;
        long submissions = 0;
        for (JsonNode c : courses) {
            long id = c.get("id").asLong();
            List<JsonNode> secs = sim.sections(id);
            sections += Product.pages(secs.size(), pageSize);
            for (JsonNode s : secs) {
                enrollments += Product.pages(sim.enrollments(s.get("id").asLong(), ENROLLMENT_STATES).size(), pageSize);
            }
            assignments += Product.pages(sim.assignments(id).size(), pageSize);
            // between full passes: one listing per filter (submitted_since, graded_since), each one page
            submissions += noChange ? 2 : Product.pages(sim.submissions(id, null, null).size(), pageSize);
        }
        List<Need> needs = new ArrayList<>();
        needs.add(new Need("courses", Product.pages(courses.size(), pageSize)));
        needs.add(new Need("users", Product.pages(sim.users(true).size(), pageSize)));
        needs.add(new Need("sections", sections));
        needs.add(new Need("enrollments", enrollments));
        needs.add(new Need("assignments", assignments));
        needs.add(new Need("submissions", submissions));
        return needs;
    }

    @Override
    public void close() {
        sim.close();
    }
}
