package org.lmssync.simulator.schoology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: holds up to {@code burst} tokens and refills {@code requests} per {@code window}.
 * Each admitted request takes one token. Reads time from the simulator clock so tests can refill
 * it without sleeping. {@code requests} 0 turns it off.
 */
final class TokenBucket {
    private final Clock clock;
    private int requests;
    private Duration window;
    private int burst;
    private double tokens;
    private Instant last;

    TokenBucket(Clock clock, int requests, Duration window, int burst) {
        this.clock = clock;
        configure(requests, window, burst);
    }

    synchronized void configure(int requests, Duration window, int burst) {
        this.requests = requests;
        this.window = window;
        this.burst = burst;
        this.tokens = burst;
        this.last = clock.instant();
    }

    /** Zero when admitted (one token taken); otherwise how long until a token is free. */
    synchronized Duration tryAcquire() {
        if (requests <= 0) {
            return Duration.ZERO;
        }
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        double nanosPerToken = (double) window.toNanos() / requests;
        return Duration.ofNanos(Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken)));
    }

    synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        Instant now = clock.instant();
        long elapsed = Duration.between(last, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * (double) requests / window.toNanos());
            last = now;
        }
    }
}
