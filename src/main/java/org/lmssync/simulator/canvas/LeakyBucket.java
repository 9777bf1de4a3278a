package org.lmssync.simulator.canvas;

import java.util.function.LongSupplier;

/**
 * One client's bucket, as Canvas keeps it: every change first leaks by elapsed time, then adds
 * the amount, and the count stays within [0, maximum]. Time is a monotonic nanosecond source,
 * not the simulator clock, because throttling is about the client's real request rate.
 */
final class LeakyBucket {
    private final LongSupplier nanos;
    private double count;
    private long lastTouched;

    LeakyBucket(LongSupplier nanos) {
        this.nanos = nanos;
        this.lastTouched = nanos.getAsLong();
    }

    /** Leaks, adds {@code amount} (may be negative), clamps, and returns the new count. */
    synchronized double increment(double amount, ThrottleSettings s) {
        long now = nanos.getAsLong();
        double leaked = (now - lastTouched) / 1e9 * s.outflowPerSecond();
        lastTouched = now;
        count = Math.min(s.maximum(), Math.max(0.0, Math.max(0.0, count - leaked) + amount));
        return count;
    }

    /** The count after leaking up to now. */
    synchronized double level(ThrottleSettings s) {
        return increment(0, s);
    }

    synchronized void reset() {
        count = 0;
        lastTouched = nanos.getAsLong();
    }
}
