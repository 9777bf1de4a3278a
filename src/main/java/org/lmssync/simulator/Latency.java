package org.lmssync.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * How long a simulator takes to answer each request: {@code fixed} plus a uniform share of
 * {@code jitter} (0 to {@code jitter}, drawn per request from a seeded source). Real LMS APIs answer
 * in 100-500 ms; on loopback the simulators answer in microseconds, so the benchmark sets this to
 * see how many requests a client keeps in flight. {@link #NONE} (the default) adds nothing.
 */
public final class Latency {
    public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

    private final Duration fixed;
    private final Duration jitter;
    private final Random random = new Random(13);

    private Latency(Duration fixed, Duration jitter) {
        this.fixed = fixed;
        this.jitter = jitter;
    }

    public static Latency of(Duration fixed, Duration jitter) {
        Duration f = fixed == null ? Duration.ZERO : fixed;
        Duration j = jitter == null ? Duration.ZERO : jitter;
        if (f.isNegative() || j.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + f + " + " + j);
        }
        return f.isZero() && j.isZero() ? NONE : new Latency(f, j);
    }

    public Duration fixed() {
        return fixed;
    }

    public Duration jitter() {
        return jitter;
    }

    public boolean isNone() {
        return fixed.isZero() && jitter.isZero();
    }

    /** The delay of the next request. */
    public Duration next() {
        if (jitter.isZero()) {
            return fixed;
        }
        long extra;
        synchronized (random) {
            extra = (long) (random.nextDouble() * (jitter.toNanos() + 1));
        }
        return fixed.plusNanos(extra);
    }

    @Override
    public String toString() {
        return isNone() ? "none" : fixed.toMillis() + " ms" + (jitter.isZero() ? "" : " + up to " + jitter.toMillis() + " ms");
    }
}
