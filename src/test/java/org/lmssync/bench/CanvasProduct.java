package org.lmssync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lmssync.bench.Product.Need;
import org.lmssync.bench.Product.Route;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;

/** Canvas small district, throttling off: six resources, submissions by two watermark filters. */
public final class CanvasProduct implements Product.Starter {
    /** Low enough that listings span several pages. */
    private static final int PAGE_SIZE = 10;
    private static final List<String> ALL_STATES = List.of("all");
    private static final List<String> ENROLLMENT_STATES = List.of("active", "invited", "creation_pending", "deleted",
            "rejected", "completed", "inactive");
    private static final List<Route> ROUTES = List.of(
            new Route("/api/v1/accounts/[^/]+/courses", "courses"),
            new Route("/api/v1/accounts/[^/]+/users", "users"),
            new Route("/api/v1/courses/\\d+/sections", "sections"),
            new Route("/api/v1/sections/\\d+/enrollments", "enrollments"),
            new Route("/api/v1/courses/\\d+/assignments", "assignments"),
            new Route("/api/v1/courses/\\d+/students/submissions", "submissions"));

    @Override
    public String lms() {
        return "canvas";
    }

    @Override
    public Product start() {
        CanvasSimulator sim = CanvasSimulator.start(CanvasSimConfig.builder().seed(5)
                .size(CanvasDistrictSize.small()).throttling(false).build());
        return new Product("canvas", PAGE_SIZE, sim, sim.requestLog(), (db, work) -> ProductConfig.canvas(sim, db, 100_000),
                ROUTES, db -> needs(sim, PAGE_SIZE, db != null));
    }

    private static List<Need> needs(CanvasSimulator sim, int pageSize, boolean noChange) {
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
        needs.add(new Need("users", Product.pages(sim.users(false, true).size(), pageSize)));
        needs.add(new Need("sections", sections));
        needs.add(new Need("enrollments", enrollments));
        needs.add(new Need("assignments", assignments));
        needs.add(new Need("submissions", submissions));
        return needs;
    }
}
