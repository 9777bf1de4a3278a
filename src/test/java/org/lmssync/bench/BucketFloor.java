package org.lmssync.bench;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The least time Canvas's leaky bucket lets any client take for a run: a request is admitted while
 * the bucket's level plus its up-front reserve stays under the high-water mark, holds that reserve
 * for the whole latency, and on completion swaps it for its real cost; the level leaks all the while.
 * A client that sends every request the moment the bucket admits it, with no limit of its own on
 * requests in flight, finishes no later than any other, so its schedule is the floor.
 *
 * <p>This replaces "the real cost beyond an empty bucket's credit, drained at the leak rate", which
 * ignored the reserves held in flight: at 500 ms per request they, not the cost, bound Canvas.
 */
record BucketFloor(double highWaterMark, double upFront, double leakPerSecond) {
    private static final long STEP_NANOS = 1_000_000;

    /** Seconds from the first request to the last reply, {@code requests} each costing {@code meanCost}. */
    double seconds(long requests, double meanCost, Duration latency) {
        if (requests <= 0) {
            return 0;
        }
        long hold = Math.max(STEP_NANOS, latency.toNanos());
        ArrayDeque<Long> replies = new ArrayDeque<>();
        double level = 0;
        long sent = 0;
        long now = 0;
        while (true) {
            while (!replies.isEmpty() && replies.peekFirst() <= now) {
                replies.pollFirst();
                level = Math.max(0, level + meanCost - upFront);
                if (sent == requests && replies.isEmpty()) {
                    return now / 1e9;
                }
            }
            while (sent < requests && level + upFront < highWaterMark) {
                level += upFront;
                replies.addLast(now + hold);
                sent++;
            }
            now += STEP_NANOS;
            level = Math.max(0, level - leakPerSecond * STEP_NANOS / 1e9);
        }
    }
}
