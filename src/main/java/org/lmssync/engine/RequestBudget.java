package org.lmssync.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The proactive client-side throttle of one LMS: requests are spaced at least 1/rate apart, so a
 * run stays under the API's documented budget instead of discovering it through 429s. An LMS may
 * slow it further for a while (adaptive pacing).
 */
public final class RequestBudget {
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();
    private long slowIntervalNanos;

    public RequestBudget(double requestsPerSecond) {
        this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
    }

    /** Blocks until the next request may go; returns the nanoseconds waited. */
    public long acquire(StopSignal stop) {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + Math.max(intervalNanos, slowIntervalNanos);
            wait = slot - now;
        }
        long deadline = System.nanoTime() + wait;
        for (long left = wait; left > 0 && !stop.isStopping(); left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
        return wait;
    }

    /** Spaces requests at least {@code interval} apart until told otherwise (0 = back to the rate). */
    public synchronized void pace(long interval, TimeUnit unit) {
        slowIntervalNanos = unit.toNanos(interval);
    }
}
