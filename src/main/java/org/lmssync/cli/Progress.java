package org.lmssync.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lmssync.engine.run.Counters;
import org.lmssync.engine.run.Counters.Counter;
import org.lmssync.engine.run.Listing;
import org.lmssync.engine.run.ResourceRun;
import org.lmssync.engine.run.RunObserver;
import org.lmssync.engine.run.RunResult;

/**
 * The CLI's progress for a person: one line per resource (listings done/total, records, rate,
 * throttle waits, time left). On a terminal the line of the resource in progress is redrawn in
 * place every second and left as its outcome when the resource ends; otherwise a plain line per
 * resource in progress every {@code every} seconds and one at its end, so the output grows with
 * the resources and the time taken, never with the listings.
 */
final class Progress implements RunObserver, AutoCloseable {
    private final PrintStream out;
    private final boolean terminal;
    private final Map<ResourceRun, Line> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private volatile ResourceRun shown;

    private static final class Line {
        final long started = System.nanoTime();
        final AtomicInteger done = new AtomicInteger();
    }

    Progress(PrintStream out, boolean terminal, long everySeconds) {
        this.out = out;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lms-sync-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 1 : Math.max(1, everySeconds);
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.SECONDS);
    }

    @Override
    public void resourceStarted(ResourceRun run) {
        active.put(run, new Line());
        shown = run;
    }

    @Override
    public void listingEnded(ResourceRun run, Listing listing) {
        Line l = active.get(run);
        if (l != null) {
            l.done.incrementAndGet();
        }
    }

    @Override
    public synchronized void resourceFinished(ResourceRun run, RunResult.Resource result) {
        Line l = active.remove(run);
        if (l == null) {
            return;
        }
        String text = line(run, l, result.status());
        if (terminal) {
            out.print("\r\033[K" + text + "\n");
        } else {
            out.println(text);
        }
        out.flush();
        if (shown == run) {
            shown = active.keySet().stream().findFirst().orElse(null);
        }
    }

    private synchronized void tick() {
        try {
            if (terminal) {
                ResourceRun r = shown;
                Line l = r == null ? null : active.get(r);
                if (l != null) {
                    out.print("\r\033[K" + line(r, l, null));
                    out.flush();
                }
                return;
            }
            for (Map.Entry<ResourceRun, Line> e : List.copyOf(active.entrySet())) {
                out.println(line(e.getKey(), e.getValue(), null));
            }
            out.flush();
        } catch (RuntimeException ignored) {
            // progress is never worth failing a run for
        }
    }

    /** {@code canvas/enrollments  12/24 listings  165 records  320/s  throttled 0 (0 s)  ~1 s left}, or its outcome. */
    static String line(String key, int done, int total, Counters n, double seconds, String status) {
        long records = n.get(Counter.RECORDS);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-28s %d/%d listings  %d records  %d/s  throttled %d (%s waited)", key,
                Math.min(done, total), total, records, Math.round(records / Math.max(seconds, 1e-3)),
                n.get(Counter.THROTTLED), duration(n.get(Counter.THROTTLE_WAIT_MS) / 1000.0)));
        if (status != null) {
            sb.append(String.format("  %s in %s: %d inserted, %d updated, %d deleted, %d errors", status, duration(seconds),
                    n.get(Counter.INSERTED), n.get(Counter.UPDATED), n.get(Counter.DELETED), n.get(Counter.ERRORS)));
        } else if (done > 0 && done < total) {
            sb.append("  ~").append(duration(seconds / done * (total - done))).append(" left");
        }
        return sb.toString();
    }

    private static String line(ResourceRun run, Line l, String status) {
        return line(run.definition().key(), l.done.get(), run.listings(), run.counters(), (System.nanoTime() - l.started) / 1e9,
                status);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
