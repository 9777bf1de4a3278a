package org.lmssync.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.lmssync.bench.Product.Need;
import org.lmssync.bench.Product.Route;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;

/** Schoology small district, no rate limit: active sections only, attendance in 30-day windows. */
public final class SchoologyProduct implements Product.Starter {
    /** Low enough that listings span several pages. */
    private static final int PAGE_SIZE = 5;
    private static final int WINDOW_DAYS = 30;
    private static final List<Route> ROUTES = List.of(
            new Route("/v1/users", "users"),
            new Route("/v1/courses", "courses"),
            new Route("/v1/gradingperiods", "grading_periods"),
            // the same listing with past sections, to notice deletions
            new Route("/v1/courses/\\d+/sections", "include_past", "sections (deletion check)"),
            new Route("/v1/courses/\\d+/sections", "sections"),
            new Route("/v1/sections/\\d+/enrollments", "enrollments"),
            new Route("/v1/sections/\\d+/assignments", "assignments"),
            new Route("/v1/sections/\\d+/submissions/\\d+", "submissions"),
            new Route("/v1/sections/\\d+/attendance", "attendance"));

    @Override
    public String lms() {
        return "schoology";
    }

    @Override
    public Product start() {
        SchoologySimulator sim = SchoologySimulator.start(SchoologySimConfig.builder().seed(3)
                .size(SchoologyDistrictSize.small()).noRateLimit().build());
        return new Product("schoology", PAGE_SIZE, sim, sim.requestLog(), (db, work) -> {
            Map<String, String> c = ProductConfig.schoology(sim, db, 100_000);
            c.put("lms.max-window-days", Integer.toString(WINDOW_DAYS));
            return c;
        }, ROUTES, db -> needs(sim, PAGE_SIZE, db));
    }

    private static List<Need> needs(SchoologySimulator sim, int pageSize, Path db) throws Exception {
        long sections = 0;
        long enrollments = 0;
        long assignments = 0;
        long submissions = 0;
        long attendance = 0;
        LocalDate end = sim.today();
        for (long course : sim.courseIds()) {
            List<Long> active = sim.sectionIds(course, false);
            sections += Product.pages(active.size(), pageSize);
            for (long s : active) {
                enrollments += Product.pages(sim.enrollments(s).size(), pageSize);
                List<Long> items = sim.assignmentIds(s);
                assignments += Product.pages(sim.assignments(s).size(), pageSize);
                for (long a : items) {
                    submissions += Product.pages(sim.submissions(s, a).size(), pageSize);
                }
                String stored = db == null ? null : SyncDb.text(db, "SELECT last_as_of_date FROM sync_state"
                        + " WHERE resource = 'attendance' AND scope = '" + s + "'");
                // unpaged: one request per window
                attendance += Product.windowStarts(sim.schoolYearStart(), stored == null ? null : LocalDate.parse(stored),
                        end, WINDOW_DAYS).size();
            }
        }
        return List.of(new Need("users", Product.pages(sim.users().size(), pageSize)),
                new Need("courses", Product.pages(sim.courseIds().size(), pageSize)),
                new Need("grading_periods", Product.pages(sim.gradingPeriods().size(), pageSize)),
                new Need("sections", sections), new Need("enrollments", enrollments),
                new Need("assignments", assignments), new Need("submissions", submissions),
                new Need("attendance", attendance));
    }
}
