package org.lmssync.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lmssync.simulator.RequestLog;

/**
 * (d) requests made against the least the simulator's truth allows, for a full sync and for a
 * no-change re-run, with each product simulator (small district, throttles off, high budgets).
 * Page sizes are lowered so that listings span several pages. Request counts are deterministic,
 * so each is measured once.
 */
final class RequestBench {
    private RequestBench() {
    }

    static void run(JarRunner jar, Path work, Report report) throws Exception {
        for (Product.Starter make : Product.all()) {
            try (Product p = make.start()) {
                Path db = work.resolve("requests-" + p.lms() + ".db");
                p.log().clear();
                BenchLms.require(jar.once(p.config(db, work), "--lms", p.lms()));
                audit(report, p, "full sync", p.fullSync());
                p.log().clear();
                BenchLms.require(jar.once(p.config(db, work), "--lms", p.lms()));
                audit(report, p, "no-change re-run", p.noChange(db));
                SyncDb.delete(db);
            }
        }
    }

    private static void audit(Report report, Product p, String what, List<Product.Need> needs) {
        Map<String, Long> actual = new TreeMap<>();
        long other = 0;
        for (RequestLog.Entry e : p.log().entries()) {
            String r = p.resourceOf(e);
            if (r == null) {
                other++;
            } else {
                actual.merge(r, 1L, Long::sum);
            }
        }
        Map<String, Long> min = new TreeMap<>();
        needs.forEach(n -> min.put(n.resource(), n.requests()));
        long a = actual.values().stream().mapToLong(Long::longValue).sum();
        long m = min.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder detail = new StringBuilder(String.format("%d requests, minimum %d", a, m));
        TreeSet<String> resources = new TreeSet<>(min.keySet());
        resources.addAll(actual.keySet());
        boolean exact = true;
        for (String r : resources) {
            long ar = actual.getOrDefault(r, 0L);
            long mr = min.getOrDefault(r, 0L);
            if (ar != mr) {
                exact = false;
                detail.append(String.format("; %s %d/%d", r, ar, mr));
            }
        }
        if (other > 0) {
            detail.append("; plus ").append(other).append(" non-listing (token) requests");
        }
        report.add(Figure.check("d. " + p.lms() + " " + what + ": requests / minimum", (double) a / m, "ratio", "1.00",
                exact, detail.toString()));
    }
}
