package org.lmssync.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;

/** Google Classroom and Reports, small district, no quota, no short pages. */
final class GoogleProduct implements Product {
    private static final List<String> PARAMS = List.of("classroom:last_interaction_time", "classroom:num_posts_created",
            "accounts:last_login_time");
    private final GoogleSimulator sim = GoogleSimulator.start(GoogleSimConfig.builder().seed(11)
            .size(DistrictSize.small()).shortPageShare(0).quotaPerMinute(0).build());
    private final int pageSize;

    GoogleProduct(int pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public String lms() {
        return "google";
    }

    @Override
    public Map<String, String> config(Path db, Path work) {
        Map<String, String> c = ProductConfig.google(sim, db, work, 100_000);
        c.put("lms.google.page-size", Integer.toString(pageSize));
        return c;
    }

    private LocalDate start() {
        return sim.today().minusDays(5);
    }

    @Override
    public RequestLog log() {
        return sim.requestLog();
    }

    @Override
    public String resourceOf(RequestLog.Entry e) {
        String p = e.path();
        if (p.equals("/v1/courses")) {
            return "courses";
        } else if (p.matches("/v1/courses/[^/]+/students")) {
            return "students";
        } else if (p.matches("/v1/courses/[^/]+/teachers")) {
            return "teachers";
        } else if (p.matches("/v1/courses/[^/]+/courseWork")) {
            return "coursework";
        } else if (p.matches("/v1/courses/[^/]+/courseWork/-/studentSubmissions")) {
            return "submissions";
        } else if (p.startsWith("/admin/reports/v1/usage/users/all/dates/")) {
            return "usage";
        }
        return null;
    }

    @Override
    public List<Need> fullSync() {
        return needs(false, null);
    }

    @Override
    public List<Need> noChange(Path db) throws Exception {
        String stored = SyncDb.text(db, "SELECT MAX(last_as_of_date) FROM sync_state WHERE resource = 'usage'");
        return needs(true, stored == null ? null : LocalDate.parse(stored));
    }

    private List<Need> needs(boolean noChange, LocalDate storedDate) {
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
        for (LocalDate d : Product.windowStarts(start(), storedDate, sim.today(), 1)) {
            usage += Product.pages(sim.usage(d, PARAMS).size(), pageSize);
        }
        return List.of(new Need("courses", Product.pages(courses.size(), pageSize)), new Need("students", students),
                new Need("teachers", teachers), new Need("coursework", work), new Need("submissions", subs),
                new Need("usage", usage));
    }

    @Override
    public void close() {
        sim.close();
    }
}
