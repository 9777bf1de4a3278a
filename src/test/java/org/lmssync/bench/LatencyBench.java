package org.lmssync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;
import org.lmssync.simulator.canvas.ThrottleSettings;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;

/**
 * (g) wall time when every request takes 150 or 500 ms (issue 13): each LMS alone, its simulator
 * started as the medium demo starts it (same seed, throttles as in the demo) with a per-request
 * latency, the app at its default page sizes, budgets and concurrency. The figure is the run's own
 * time (sync_runs) over the least time its budget allows: {@code requests / requests-per-second},
 * and for Canvas at least the time its leaky bucket lets any client take ({@link BucketFloor}: the
 * reserves held by requests in flight for the latency, and the real cost drained at the leak rate). The throttled replies are
 * counted by the simulator. For comparison ("before") the same runs with {@code concurrency=1},
 * and for Schoology a run whose budget is above the simulator's token bucket, so its 429s are
 * waited out: its tables must hold what the simulator holds.
 */
final class LatencyBench {
    static final double TARGET = 1.15;

    private final BenchSettings settings;
    private final JarRunner jar;
    private final Path work;
    private final Report report;
    private final List<String> table = new ArrayList<>();
    private int dbs;

    private LatencyBench(BenchSettings settings, JarRunner jar, Path work, Report report) {
        this.settings = settings;
        this.jar = jar;
        this.work = work;
        this.report = report;
    }

    static void run(BenchSettings settings, JarRunner jar, Path work, Report report) throws Exception {
        new LatencyBench(settings, jar, work, report).all();
    }

    /** One measured run. */
    private record Run(double seconds, double process, long requests, int rps, double budgetFloor, double bucketFloor,
                       String bucket, long throttled, long appThrottled, Map<String, Long> rows) {
        double floor() {
            return Math.max(budgetFloor, bucketFloor);
        }

        double ratio() {
            return seconds / floor();
        }
    }

    private void all() throws Exception {
        table.add("| LMS | latency | concurrency | budget | wall (process) | requests | requests ÷ budget | bucket floor"
                + " | wall ÷ floor | throttled |");
        table.add("|---|---|---|---|---|---|---|---|---|---|");
        for (int ms : settings.latenciesMs()) {
            Duration fixed = Duration.ofMillis(ms);
            Duration jitter = Duration.ofMillis(settings.latencyJitterMs());
            boolean before = settings.beforeLatenciesMs().contains(ms);
            for (String lms : settings.latencyLms()) {
                switch (lms) {
                    case "google" -> google(ms, fixed, jitter, before);
                    case "canvas" -> canvas(ms, fixed, jitter, before);
                    case "schoology" -> schoology(ms, fixed, jitter, before);
                    default -> throw new IllegalArgumentException("bench.g.lms: unknown LMS " + lms);
                }
            }
        }
        System.out.println();
        System.out.println("BENCH (g) every request takes the latency given; wall = the run's own time (sync_runs)");
        table.forEach(l -> System.out.println("BENCH " + l));
        System.out.println();
    }

    private String size() {
        return settings.latencySize();
    }

    private static LocalDate schoolYearStart() {
        // as the demo: a week of school so far
        return LocalDate.now(ZoneOffset.UTC).minusDays(7);
    }

    private void google(int ms, Duration fixed, Duration jitter, boolean before) throws Exception {
        DistrictSize size = size().equals("medium") ? DistrictSize.medium() : DistrictSize.small();
        try (GoogleSimulator sim = GoogleSimulator.start(GoogleSimConfig.builder().seed(2026).size(size)
                .latency(fixed, jitter).build())) {
            for (Integer concurrency : before ? new Integer[] {null, 1} : new Integer[] {null}) {
                Path db = db("google");
                Map<String, String> c = ProductConfig.google(sim, db, work, 0);
                c.remove("lms.google.requests-per-second");
                c.put("lms.school-year-start", schoolYearStart().toString());
                Run run = measure("google", sim.requestLog(), c, db, concurrency,
                        requests -> 0.0, tooManyRequests(sim.requestLog()), () -> null);
                record("google", ms, concurrency, run, "");
                SyncDb.delete(db);
            }
        }
    }

    private void canvas(int ms, Duration fixed, Duration jitter, boolean before) throws Exception {
        CanvasDistrictSize size = size().equals("medium") ? CanvasDistrictSize.medium() : CanvasDistrictSize.small();
        try (CanvasSimulator sim = CanvasSimulator.start(CanvasSimConfig.builder().seed(2026).size(size)
                .viewLoginIds(false).latency(fixed, jitter).build())) {
            ThrottleSettings t = sim.throttleSettings();
            BucketFloor bucket = new BucketFloor(t.highWaterMark(), t.upFrontCost(), t.outflowPerSecond());
            for (Integer concurrency : before ? new Integer[] {null, 1} : new Integer[] {null}) {
                Path db = db("canvas");
                Map<String, String> c = ProductConfig.canvas(sim, db, 0);
                c.remove("lms.canvas.requests-per-second");
                sim.resetThrottle();
                Run run = measure("canvas", sim.requestLog(), c, db, concurrency,
                        requests -> bucket.seconds(requests, sim.chargedCost() / Math.max(1, requests), fixed),
                        sim::throttledCount, () -> String.format(Locale.ROOT,
                                "%.0f units of cost, reserve %.0f held %d ms per request, mark %.0f, %.0f units/s",
                                sim.chargedCost(), t.upFrontCost(), ms, t.highWaterMark(), t.outflowPerSecond()));
                record("canvas", ms, concurrency, run, "");
                SyncDb.delete(db);
            }
        }
    }

    private void schoology(int ms, Duration fixed, Duration jitter, boolean before) throws Exception {
        SchoologyDistrictSize size = size().equals("medium") ? SchoologyDistrictSize.medium() : SchoologyDistrictSize.small();
        try (SchoologySimulator sim = SchoologySimulator.start(SchoologySimConfig.builder().seed(2026).size(size)
                .schoolYearStart(schoolYearStart()).latency(fixed, jitter).build())) {
            Map<String, Long> truth = schoologyTruth(sim);
            SchoologySimConfig sc = sim.config();
            double limit = sc.rateLimitRequests() / (sc.rateLimitWindow().toNanos() / 1e9);
            List<Object[]> variants = new ArrayList<>();
            variants.add(new Object[] {null, null});
            if (before) {
                variants.add(new Object[] {1, null});
            }
            variants.add(new Object[] {null, settings.latencySchoologyOverRps()});
            for (Object[] v : variants) {
                Integer concurrency = (Integer) v[0];
                Integer rps = (Integer) v[1];
                Path db = db("schoology");
                Map<String, String> c = ProductConfig.schoology(sim, db, rps == null ? 0 : rps);
                if (rps == null) {
                    c.remove("lms.schoology.requests-per-second");
                }
                Run run = measure("schoology", sim.requestLog(), c, db, concurrency,
                        requests -> 0.0, tooManyRequests(sim.requestLog()), () -> null);
                Map<String, Long> rows = schoologyRows(db);
                boolean lost = !rows.equals(truth);
                String counts = "tables " + rows + (lost ? " but the simulator holds " + truth : " = the simulator's");
                if (rps == null) {
                    record("schoology", ms, concurrency, run, counts);
                } else {
                    overLimit(ms, run, limit, truth, rows, counts);
                }
                SyncDb.delete(db);
            }
        }
    }

    /** Schoology with its budget above the simulator's limit: the 429s are waited out, nothing is lost. */
    private void overLimit(int ms, Run run, double limit, Map<String, Long> truth, Map<String, Long> rows, String counts) {
        String name = String.format(Locale.ROOT, "g. schoology %d ms, budget %d/s above the simulator's %.0f/s", ms, run.rps(), limit);
        long admitted = run.requests() - run.throttled();
        double limitFloor = admitted / limit;
        report.add(Figure.info(name + ": wall / (admitted requests / limit)", run.seconds() / limitFloor, "ratio",
                String.format(Locale.ROOT, "%.1f s, %d requests (%d admitted; at %.0f/s %.1f s), %d replies 429 waited out"
                        + " (the app counted %d)", run.seconds(), run.requests(), admitted, limit, limitFloor, run.throttled(),
                        run.appThrottled())));
        report.add(Figure.check(name + ": rows lost", rowsLost(truth, rows), "rows", "0", rows.equals(truth), counts));
        table.add(String.format(Locale.ROOT, "| Schoology, budget above the limit | %d ms | default | %d/s (simulator %.0f/s) | %.1f s (%.1f s) | %d"
                        + " | %.1f s (admitted ÷ limit) | | %.2f | %d (waited out; nothing lost: %s) |", ms, run.rps(), limit,
                run.seconds(), run.process(), run.requests(), limitFloor, run.seconds() / limitFloor, run.throttled(),
                rows.equals(truth) ? "yes" : "NO"));
    }

    private static long rowsLost(Map<String, Long> truth, Map<String, Long> rows) {
        long lost = 0;
        for (Map.Entry<String, Long> e : truth.entrySet()) {
            lost += Math.max(0, e.getValue() - rows.getOrDefault(e.getKey(), 0L));
        }
        return lost;
    }

    /** Google's and Schoology's throttled replies: the 429s in the simulator's request log. */
    private static java.util.function.LongSupplier tooManyRequests(RequestLog log) {
        return () -> log.count(e -> e.status() == 429);
    }

    private Path db(String lms) {
        return work.resolve("latency-" + lms + "-" + ++dbs + ".db");
    }

    @FunctionalInterface
    private interface Floor {
        double seconds(long requests) throws Exception;
    }

    @FunctionalInterface
    private interface Text {
        String get();
    }

    private Run measure(String lms, RequestLog log, Map<String, String> config, Path db, Integer concurrency,
                        Floor bucketFloor, java.util.function.LongSupplier throttledReplies, Text bucket)
            throws Exception {
        if (concurrency != null) {
            config.put("lms." + lms + ".concurrency", Integer.toString(concurrency));
        }
        int rps = config.containsKey("lms." + lms + ".requests-per-second")
                ? Integer.parseInt(config.get("lms." + lms + ".requests-per-second"))
                : Integer.parseInt(defaults(lms).getProperty("lms." + lms + ".requests-per-second").trim());
        log.clear();
        // as the simulator counts them (Canvas's 403s come from its throttle, not the request log)
        long throttledBefore = throttledReplies.getAsLong();
        JarRun proc = BenchLms.require(jar.once(config, "--lms", lms));
        SyncDb.LastRun run = SyncDb.lastRun(db);
        long requests = log.size();
        Run r = new Run(run.seconds(), proc.seconds(), requests, rps, (double) requests / rps, bucketFloor.seconds(requests),
                bucket.get(), throttledReplies.getAsLong() - throttledBefore, run.throttled(), Map.of());
        System.out.printf(Locale.ROOT, "BENCH   latency %s%s: %.1f s (process %.1f s), %d requests, floor %.1f s"
                        + " (budget %.1f s%s), ratio %.2f, %d throttled (app counted %d)%n", lms,
                concurrency == null ? "" : " concurrency=" + concurrency, r.seconds(), r.process(), requests, r.floor(),
                r.budgetFloor(), r.bucket() == null ? "" : String.format(Locale.ROOT, ", bucket %.1f s: %s", r.bucketFloor(), r.bucket()),
                r.ratio(), r.throttled(), r.appThrottled());
        return r;
    }

    private void record(String lms, int ms, Integer concurrency, Run run, String extra) {
        String conc = concurrency == null ? defaults(lms).getProperty("lms." + lms + ".concurrency").trim() + " (default)"
                : concurrency.toString();
        String detail = String.format(Locale.ROOT, "%s, concurrency %s: %.1f s (process %.1f s), %d requests,"
                        + " requests / %d/s = %.1f s%s; %d throttled replies (the app counted %d)%s", size(), conc,
                run.seconds(), run.process(), run.requests(), run.rps(), run.budgetFloor(),
                run.bucket() == null ? "" : String.format(Locale.ROOT, ", bucket floor %.1f s (%s)", run.bucketFloor(), run.bucket()),
                run.throttled(), run.appThrottled(), extra.isEmpty() ? "" : "; " + extra);
        String name = "g. " + lms + " " + ms + " ms" + (concurrency == null ? "" : ", concurrency=" + concurrency);
        if (concurrency == null) {
            report.add(Figure.atMost(name + ": wall / floor", run.ratio(), "ratio", TARGET, detail));
            report.add(Figure.check(name + ": throttled replies", run.throttled(), "replies", "0", run.throttled() == 0, ""));
        } else {
            report.add(Figure.info(name + " (before): wall / floor", run.ratio(), "ratio", detail));
        }
        table.add(String.format(Locale.ROOT, "| %s | %d ms | %s | %d/s | %.1f s (%.1f s) | %d | %.1f s | %s | **%.2f** | %d |",
                display(lms), ms, conc, run.rps(), run.seconds(), run.process(), run.requests(), run.budgetFloor(),
                run.bucket() == null ? "" : String.format(Locale.ROOT, "%.1f s", run.bucketFloor()), run.ratio(), run.throttled()));
    }

    private static String display(String lms) {
        return Character.toUpperCase(lms.charAt(0)) + lms.substring(1);
    }

    /** The adapter's packaged defaults (the jar's budget and concurrency when the config sets none). */
    private static Properties defaults(String lms) {
        Properties p = new Properties();
        try (InputStream in = LatencyBench.class.getResourceAsStream("/org/lmssync/" + lms + "/defaults.properties")) {
            if (in == null) {
                throw new IllegalStateException("no defaults.properties for " + lms);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Map<String, Long> schoologyTruth(SchoologySimulator sim) {
        long sections = 0;
        long enrollments = 0;
        long assignments = 0;
        long submissions = 0;
        for (long course : sim.courseIds()) {
            for (long s : sim.sectionIds(course, false)) {
                sections++;
                enrollments += sim.enrollments(s).size();
                assignments += sim.assignments(s).size();
                for (long a : sim.assignmentIds(s)) {
                    submissions += sim.submissions(s, a).size();
                }
            }
        }
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("users", (long) sim.users().size());
        m.put("courses", (long) sim.courseIds().size());
        m.put("sections", sections);
        m.put("enrollments", enrollments);
        m.put("assignments", assignments);
        m.put("submissions", submissions);
        return m;
    }

    private static Map<String, Long> schoologyRows(Path db) throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : List.of("users", "courses", "sections", "enrollments", "assignments", "submissions")) {
            m.put(t, SyncDb.scalar(db, "SELECT COUNT(*) FROM schoology_" + t + " WHERE deleted_at IS NULL"));
        }
        return m;
    }
}
