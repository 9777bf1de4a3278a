package org.lmssync.engine.spi;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The proactive client-side throttle of one LMS: requests are spaced at least 1/rate apart, so a
 * run stays under the API's documented budget instead of discovering it through 429s. An LMS may
 * hold requests further by its {@link Admission} (Canvas: room in its bucket).
 */
public final class RequestBudget {
    /** How often a request held by its LMS's {@link Admission} asks again (replies change its answer). */
    private static final long ADMISSION_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /**
     * An LMS's own say on when the next request may go, beyond the rate: Canvas admits a request
     * only while its bucket has room for the request's up-front reserve, and every request in
     * flight holds one. Called under the budget's lock, so that two requests never take the same room.
     */
    public interface Admission {
        Admission ALWAYS = new Admission() {
            @Override
            public long waitNanos(long nowNanos) {
                return 0;
            }

            @Override
            public void sent(long nowNanos) {
            }
        };

        /** How long a request must still wait at {@code nowNanos}; 0 or less: it may go now. */
        long waitNanos(long nowNanos);

        /** A request went at {@code nowNanos}. */
        void sent(long nowNanos);
    }

    private final Admission admission;
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();
    private long pausedUntil = System.nanoTime();

    public RequestBudget(double requestsPerSecond) {
        this(requestsPerSecond, Admission.ALWAYS);
    }

    public RequestBudget(double requestsPerSecond, Admission admission) {
        this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
        this.admission = admission;
    }

    /** Blocks until the next request may go; returns the nanoseconds waited. */
    public long acquire(StopSignal stop) {
        long start = System.nanoTime();
        long slot;
        synchronized (this) {
            slot = Math.max(Math.max(start, nextSlot), pausedUntil);
            nextSlot = slot + intervalNanos;
        }
        // a pause that began while this request waited for its slot holds it too
        for (long until = slot; !stop.isStopping(); until = Math.max(slot, pausedUntil())) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
        while (!stop.isStopping()) {
            long wait;
            synchronized (admission) {
                long now = System.nanoTime();
                wait = now < pausedUntil() ? pausedUntil() - now : admission.waitNanos(now);
                if (wait <= 0) {
                    admission.sent(now);
                    break;
                }
            }
            LockSupport.parkNanos(Math.min(wait, ADMISSION_POLL_NANOS));
        }
        return System.nanoTime() - start;
    }

    private synchronized long pausedUntil() {
        return pausedUntil;
    }

    /**
     * The LMS asked the client to wait (a throttle with Retry-After or a backoff after one): no
     * request of any listing of this LMS goes before then. A throttle is about the client, not
     * one URL.
     */
    public synchronized void pauseFor(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        pausedUntil = Math.max(pausedUntil, until);
        nextSlot = Math.max(nextSlot, until);
    }

    /**
     * A new run starts unpaused: a pause belonged to the listings in flight when the throttle came
     * (a cancelled run's long Retry-After does not hold the next run; its first request asks anew).
     */
    public synchronized void clearPause() {
        long now = System.nanoTime();
        pausedUntil = now;
        nextSlot = Math.min(nextSlot, now);
    }
}
