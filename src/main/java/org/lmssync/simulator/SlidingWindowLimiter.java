package org.lmssync.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Admits at most {@code limit} requests in any moving window (per-minute quotas measured as a
 * moving average behave like this). A limit of 0 turns it off.
 */
public final class SlidingWindowLimiter {
    private final Clock clock;
    private final Duration window;
    private volatile int limit;
    private final Deque<Instant> admitted = new ArrayDeque<>();

    public SlidingWindowLimiter(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** True if the request is admitted (and counted); false if over the limit. */
    public synchronized boolean tryAcquire() {
        if (limit <= 0) {
            return true;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(window);
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(cutoff)) {
            admitted.pollFirst();
        }
        if (admitted.size() >= limit) {
            return false;
        }
        admitted.addLast(now);
        return true;
    }

    /** Time until the oldest admitted request leaves the window (zero if there is room). */
    public synchronized Duration timeUntilRoom() {
        if (limit <= 0 || admitted.size() < limit || admitted.isEmpty()) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(clock.instant(), admitted.peekFirst().plus(window));
        return d.isNegative() ? Duration.ZERO : d;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    public synchronized void reset() {
        admitted.clear();
    }
}
