package org.lmssync.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.lmssync.bench.Product.Need;
import org.lmssync.bench.Product.Route;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;

/** Google Classroom and Reports, small district, no quota, no short pages. */
public final class GoogleProduct implements Product.Starter {
    /** Low enough that listings span several pages. */
    private static final int PAGE_SIZE = 10;
    private static final List<String> PARAMS = List.of("classroom:last_interaction_time", "classroom:num_posts_created",
            "accounts:last_login_time");
    private static final List<Route> ROUTES = List.of(
            new Route("/v1/courses", "courses"),
            new Route("/v1/courses/[^/]+/students", "students"),
            new Route("/v1/courses/[^/]+/teachers", "teachers"),
            new Route("/v1/courses/[^/]+/courseWork", "coursework"),
            new Route("/v1/courses/[^/]+/courseWork/-/studentSubmissions", "submissions"),
            new Route("/admin/reports/v1/usage/users/all/dates/.*", "usage"));

    @Override
    public String lms() {
        return "google";
    }

    @Override
    public Product start() {
        GoogleSimulator sim = GoogleSimulator.start(GoogleSimConfig.builder().seed(11)
                .size(DistrictSize.small()).shortPageShare(0).quotaPerMinute(0).build());
        return new Product("google", PAGE_SIZE, sim, sim.requestLog(),
                (db, work) -> ProductConfig.google(sim, db, work, 100_000), ROUTES, db -> needs(sim, PAGE_SIZE, db));
    }

    private static List<Need> needs(GoogleSimulator sim, int pageSize, Path db) throws Exception {
        boolean noChange = db != null;
        String stored = noChange
                ? SyncDb.text(db, "SELECT MAX(last_as_of_date) FROM sync_state WHERE resource = 'usage'") : null;
        LocalDate storedDate = stored == null ? null : LocalDate.parse(stored);
        long students = 0;
        long teachers = 0;
        long work = 0;
        long subs = 0;
        List<String> courses = sim.courses().stream().map(c -> c.get("id").asText()).toList();
        for (String id : courses) {
            students += Product.pages(sim.students(id).size(), pageSize);
            teachers += Product.pages(sim.teachers(id).size(), pageSize);
            // newest first: a no-change run reads one page and meets the watermark
            work += noChange ? 1 : Product.pages(sim.courseWork(id, List.of("PUBLISHED", "DELETED")).size(), pageSize);
            subs += Product.pages(sim.submissions(id).size(), pageSize);
        }
        long usage = 0;
        for (LocalDate d : Product.windowStarts(sim.today().minusDays(5), storedDate, sim.today(), 1)) {
            usage += Product.pages(sim.usage(d, PARAMS).size(), pageSize);
        }
        return List.of(new Need("courses", Product.pages(courses.size(), pageSize)), new Need("students", students),
                new Need("teachers", teachers), new Need("coursework", work), new Need("submissions", subs),
                new Need("usage", usage));
    }
}
