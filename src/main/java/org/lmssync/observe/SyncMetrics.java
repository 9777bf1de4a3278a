package org.lmssync.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lmssync.engine.run.Counters;
import org.lmssync.engine.run.Listing;
import org.lmssync.engine.run.ResourceRun;
import org.lmssync.engine.run.RunObserver;
import org.lmssync.engine.run.RunResult;

/**
 * lms-sync's meters (README, Monitoring) in a Micrometer {@link MeterRegistry}: the host's, or
 * the standalone jar's Prometheus one. The counters take the resource's totals (the same atomics
 * {@code sync_run_resources} is written from) as deltas after each page commit and at the
 * resource's end, so after a run they equal that run's rows; nothing is recorded per record.
 * Until {@link #bind} is called (no registry found) every call is a no-op.
 */
public final class SyncMetrics implements RunObserver {
    /** Micrometer name prefix; Prometheus renders {@code lms.sync.records} as {@code lms_sync_records_total}. */
    public static final String PREFIX = "lms.sync.";
    private static final Counters.Counter[] COUNTERS = Counters.Counter.values();
    private static final Map<Counters.Counter, String[]> NAMES = names();

    private volatile MeterRegistry registry;
    private final Map<String, ResourceMeters> resources = new ConcurrentHashMap<>();
    private final Map<ResourceRun, long[]> reported = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> runLastSuccess = new ConcurrentHashMap<>();
    private final Map<String, Long> runStarted = new ConcurrentHashMap<>();

    /** Counter name and description per engine total; the ms totals become seconds. */
    private static Map<Counters.Counter, String[]> names() {
        Map<Counters.Counter, String[]> m = new EnumMap<>(Counters.Counter.class);
        m.put(Counters.Counter.REQUESTS, new String[] {"requests", "HTTP requests sent (retries included)"});
        m.put(Counters.Counter.RETRIES, new String[] {"retries", "requests retried (429, 5xx, resets, timeouts)"});
        m.put(Counters.Counter.THROTTLED, new String[] {"throttled", "throttled replies (429 or the LMS's throttle signal)"});
        m.put(Counters.Counter.THROTTLE_WAIT_MS, new String[] {"throttle.wait", "time waited on throttled replies"});
        m.put(Counters.Counter.RETRY_WAIT_MS, new String[] {"retry.wait", "time waited before retries, throttled or not"});
        m.put(Counters.Counter.PAGES, new String[] {"pages", "pages committed"});
        m.put(Counters.Counter.RECORDS, new String[] {"records", "records read"});
        m.put(Counters.Counter.INSERTED, new String[] {"inserted", "rows inserted"});
        m.put(Counters.Counter.UPDATED, new String[] {"updated", "rows updated"});
        m.put(Counters.Counter.UNCHANGED, new String[] {"unchanged", "records that changed nothing"});
        m.put(Counters.Counter.DELETED, new String[] {"deleted", "rows marked deleted"});
        m.put(Counters.Counter.ERRORS, new String[] {"errors", "rows written to sync_errors"});
        return m;
    }

    private static boolean millis(Counters.Counter c) {
        return c == Counters.Counter.THROTTLE_WAIT_MS || c == Counters.Counter.RETRY_WAIT_MS;
    }

    /**
     * Starts recording into {@code registry} (once; later calls are ignored).
     *
     * @param lastSuccess per LMS, then per resource ({@code *} for the whole run), the epoch second of
     *                    the last success already recorded in the sync DB
     */
    public synchronized void bind(MeterRegistry registry, List<String> lmss, Map<String, Map<String, Long>> lastSuccess) {
        if (this.registry != null || registry == null) {
            return;
        }
        this.registry = registry;
        for (String lms : lmss) {
            Gauge.builder(PREFIX + "run.active", active.computeIfAbsent(lms, k -> new AtomicInteger()), AtomicInteger::get)
                    .description("1 while a run of the LMS is in progress").tags("lms", lms).register(registry);
            Gauge.builder(PREFIX + "run.last.success", runLastSuccess.computeIfAbsent(lms, k -> new AtomicLong()),
                            AtomicLong::get)
                    .description("epoch second at which the LMS's last successful run ended (0: none yet)")
                    .baseUnit("seconds").tags("lms", lms).register(registry);
            Map<String, Long> known = lastSuccess.getOrDefault(lms, Map.of());
            known.forEach((resource, at) -> {
                if (resource.equals("*")) {
                    runLastSuccess.get(lms).set(at);
                } else {
                    meters(lms, resource).lastSuccess.set(at);
                }
            });
        }
    }

    /** The registry in use, if bound. */
    public MeterRegistry registry() {
        return registry;
    }

    private ResourceMeters meters(String lms, String resource) {
        return resources.computeIfAbsent(lms + "/" + resource, k -> new ResourceMeters(registry, lms, resource));
    }

    private ResourceMeters meters(ResourceRun run) {
        return meters(run.definition().lms(), run.definition().name());
    }

    @Override
    public void runStarted(String lms, long runId, List<String> resources) {
        if (registry == null) {
            return;
        }
        runStarted.put(lms, System.nanoTime());
        active.computeIfAbsent(lms, k -> new AtomicInteger()).set(1);
    }

    @Override
    public void resourceStarted(ResourceRun run) {
        if (registry == null) {
            return;
        }
        reported.put(run, new long[COUNTERS.length]);
        meters(run);
    }

    @Override
    public void listingStarted(ResourceRun run, Listing listing) {
        if (registry != null) {
            meters(run).inFlight.add(listing);
        }
    }

    @Override
    public void listingEnded(ResourceRun run, Listing listing) {
        if (registry != null) {
            meters(run).inFlight.remove(listing);
        }
    }

    @Override
    public void pageCommitted(ResourceRun run, long nanos) {
        if (registry == null) {
            return;
        }
        ResourceMeters m = meters(run);
        m.commit.record(nanos, TimeUnit.NANOSECONDS);
        flush(run, m);
    }

    @Override
    public void resourceFinished(ResourceRun run, RunResult.Resource result) {
        if (registry == null) {
            return;
        }
        ResourceMeters m = meters(run);
        flush(run, m);
        reported.remove(run);
        m.inFlight.clear();
        if (result.status().equals("succeeded")) {
            m.lastSuccess.set(System.currentTimeMillis() / 1000);
        }
    }

    @Override
    public void runFinished(RunResult result, boolean credentialsRejected) {
        if (registry == null) {
            return;
        }
        Counter.builder(PREFIX + "runs").description("runs ended, by status (succeeded, failed, interrupted, skipped)")
                .tags("lms", result.lms(), "status", result.status()).register(registry).increment();
        if (result.runId() == 0) {
            return;
        }
        Long started = runStarted.remove(result.lms());
        if (started != null) {
            Timer.builder(PREFIX + "run.duration").description("how long runs took, by status")
                    .tags("lms", result.lms(), "status", result.status()).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        active.computeIfAbsent(result.lms(), k -> new AtomicInteger()).set(0);
        if (result.status().equals("succeeded")) {
            runLastSuccess.computeIfAbsent(result.lms(), k -> new AtomicLong()).set(System.currentTimeMillis() / 1000);
        }
    }

    /** Adds what the resource's totals gained since the last flush. */
    private void flush(ResourceRun run, ResourceMeters m) {
        long[] seen = reported.get(run);
        if (seen == null) {
            return;
        }
        synchronized (seen) {
            Counters now = run.counters();
            for (Counters.Counter c : COUNTERS) {
                long v = now.get(c);
                long delta = v - seen[c.ordinal()];
                if (delta != 0) {
                    m.counters.get(c).increment(millis(c) ? delta / 1000.0 : delta);
                    seen[c.ordinal()] = v;
                }
            }
        }
    }

    /** The meters of one resource of one LMS. */
    private static final class ResourceMeters {
        final Map<Counters.Counter, Counter> counters = new EnumMap<>(Counters.Counter.class);
        final Timer commit;
        final Set<Listing> inFlight = ConcurrentHashMap.newKeySet();
        final AtomicLong lastSuccess = new AtomicLong();

        ResourceMeters(MeterRegistry registry, String lms, String resource) {
            Tags tags = Tags.of("lms", lms, "resource", resource);
            for (Counters.Counter c : COUNTERS) {
                String[] n = NAMES.get(c);
                Counter.Builder b = Counter.builder(PREFIX + n[0]).description(n[1]).tags(tags);
                counters.put(c, (millis(c) ? b.baseUnit("seconds") : b).register(registry));
            }
            commit = Timer.builder(PREFIX + "page.commit").description("time to commit one page (rows, state, run totals)")
                    .tags(tags).register(registry);
            Gauge.builder(PREFIX + "listings.in.flight", inFlight, Set::size).description("listings being fetched now")
                    .tags(tags).register(registry);
            Gauge.builder(PREFIX + "last.success", lastSuccess, AtomicLong::get)
                    .description("epoch second at which the resource last ended succeeded (0: none yet)")
                    .baseUnit("seconds").tags(tags).register(registry);
        }
    }
}
