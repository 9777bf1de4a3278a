package org.lmssync.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;

/** Schoology small district, no rate limit: active sections only, attendance in 30-day windows. */
final class SchoologyProduct implements Product {
    private static final int WINDOW_DAYS = 30;
    private final SchoologySimulator sim = SchoologySimulator.start(SchoologySimConfig.builder().seed(3)
            .size(SchoologyDistrictSize.small()).noRateLimit().build());
    private final int pageSize;

    SchoologyProduct(int pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public String lms() {
        return "schoology";
    }

    @Override
    public Map<String, String> config(Path db, Path work) {
        Map<String, String> c = ProductConfig.schoology(sim, db, 100_000);
        c.put("lms.schoology.page-size", Integer.toString(pageSize));
        c.put("lms.max-window-days", Integer.toString(WINDOW_DAYS));
        return c;
    }

    @Override
    public RequestLog log() {
        return sim.requestLog();
    }

    @Override
    public String resourceOf(RequestLog.Entry e) {
        String p = e.path();
        if (p.equals("/v1/users")) {
            return "users";
        } else if (p.equals("/v1/courses")) {
            return "courses";
        } else if (p.equals("/v1/gradingperiods")) {
            return "grading_periods";
        } else if (p.matches("/v1/courses/\\d+/sections")) {
            return e.param("include_past").isPresent() ? "sections (deletion check)" : "sections";
        } else if (p.matches("/v1/sections/\\d+/enrollments")) {
            return "enrollments";
        } else if (p.matches("/v1/sections/\\d+/assignments")) {
            return "assignments";
        } else if (p.matches("/v1/sections/\\d+/submissions/\\d+")) {
            return "submissions";
        } else if (p.matches("/v1/sections/\\d+/attendance")) {
            return "attendance";
        }
        return null;
    }

    @Override
    public List<Need> fullSync() throws Exception {
        return needs(null);
    }

    @Override
    public List<Need> noChange(Path db) throws Exception {
        return needs(db);
    }

    private List<Need> needs(Path db) throws Exception {
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

    @Override
    public void close() {
        sim.close();
    }
}
