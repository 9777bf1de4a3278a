package org.lmssync.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests can move. It either ticks with real time from a settable base, or stands
 * still. Simulators read all "now" values from it so tests can expire tokens or quota windows
 * without sleeping.
 */
public final class SimClock extends Clock {
    private final boolean ticking;
    private Instant base;
    private long baseNanos;

    private SimClock(Instant start, boolean ticking) {
        this.ticking = ticking;
        this.base = start;
        this.baseNanos = System.nanoTime();
    }

    /** Starts at the real current time and ticks. */
    public static SimClock system() {
        return new SimClock(Instant.now(), true);
    }

    /** Starts at {@code start} and ticks with real time from there. */
    public static SimClock tickingFrom(Instant start) {
        return new SimClock(start, true);
    }

    /** Stands still at {@code start} until set or advanced. */
    public static SimClock fixed(Instant start) {
        return new SimClock(start, false);
    }

    @Override
    public synchronized Instant instant() {
        if (!ticking) {
            return base;
        }
        return base.plusNanos(System.nanoTime() - baseNanos);
    }

    public synchronized void set(Instant now) {
        base = now;
        baseNanos = System.nanoTime();
    }

    public synchronized void advance(Duration d) {
        set(instant().plus(d));
    }

    public boolean isTicking() {
        return ticking;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("SimClock is always UTC");
    }
}
