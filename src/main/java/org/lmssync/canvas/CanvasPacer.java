package org.lmssync.canvas;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.lmssync.engine.spi.RequestBudget;

/**
 * Admits requests by Canvas's leaky bucket, as the replies show it. Canvas adds a request's
 * up-front reserve (50 units) to the bucket when the request arrives, refuses it when that reaches
 * the high-water mark, and swaps the reserve for the real cost when the request completes; the
 * bucket leaks all the while. So what limits a client is mostly its requests in flight: 11 reserves
 * fill an empty bucket, and the longer a request takes the fewer go per second.
 *
 * <p>The {@code X-Rate-Limit-Remaining} of a reply already has the reserves of the requests the
 * server was handling taken off. What it cannot show is the requests sent since; so a request
 * goes when the last reply's remaining, plus what has leaked since, less a reserve for every
 * request sent since (and one for itself), still leaves room. Requests sent in the last
 * {@link #UNSEEN_NANOS} before a reply arrived count as unseen by it: the reply was written
 * before it crossed the network. That is the greedy schedule, as close to the line as the replies
 * allow, without meeting it. The high-water mark is learnt from the replies (the largest
 * remaining plus cost), the leak rate from quiet intervals between them.
 */
final class CanvasPacer implements RequestBudget.Admission {
    /** Canvas's documented leak rate, the starting guess until quiet replies show the real one. */
    static final double DEFAULT_LEAK_PER_SECOND = 10;
    /** A request unanswered this long has failed (the HTTP timeouts are shorter): it holds nothing. */
    static final long FORGOTTEN_NANOS = TimeUnit.SECONDS.toNanos(120);
    /** Canvas reserves 50 units up front; small test buckets get a proportionally small reserve. */
    static final double MAX_UP_FRONT = 50;
    /** How long before a reply arrived a request may have been sent and still not be in it. */
    static final long UNSEEN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** When each request still in flight was sent, oldest first (a reply is taken to answer the oldest). */
    private final ArrayDeque<Long> unanswered = new ArrayDeque<>();
    private double leakPerSecond = DEFAULT_LEAK_PER_SECOND;
    private int sentSinceReply;
    private boolean quietAtReply;
    private double highWater = Double.NaN;
    private double averageCost = 1;
    private double remaining = Double.NaN;
    private long replyNanos;
    private int inFlight = 1;

    /** How many requests may be in flight at once (lms.canvas.concurrency). */
    synchronized void inFlight(int n) {
        inFlight = Math.max(1, n);
    }

    /** A successful reply's {@code X-Rate-Limit-Remaining} and {@code X-Request-Cost}, at {@code nowNanos}. */
    synchronized void replied(double remaining, double cost, long nowNanos) {
        if (Double.isNaN(remaining)) {
            return;
        }
        double c = Double.isNaN(cost) || cost < 0 ? averageCost : cost;
        averageCost = 0.8 * averageCost + 0.2 * c;
        highWater = Double.isNaN(highWater) ? remaining + c : Math.max(highWater, remaining + c);
        unanswered.pollFirst();
        while (!unanswered.isEmpty() && unanswered.peekFirst() < nowNanos - FORGOTTEN_NANOS) {
            unanswered.pollFirst();
        }
        learnLeak(remaining, c, nowNanos);
        quietAtReply = unanswered.isEmpty();
        sentSinceReply = 0;
        this.remaining = remaining;
        this.replyNanos = nowNanos;
    }

    @Override
    public synchronized long waitNanos(long nowNanos) {
        if (Double.isNaN(remaining)) {
            // nothing known yet: the run's first request goes alone and its reply tells
            return 0;
        }
        double upFront = Math.min(MAX_UP_FRONT, highWater / 12);
        // a completion swaps the reserve for the real cost: one dearer than its reserve adds the rest
        double margin = averageCost + Math.max(0, averageCost - upFront) * inFlight;
        double leaked = leakPerSecond * Math.max(0, nowNanos - replyNanos) / 1e9;
        double room = remaining + leaked - upFront * unseen() - margin;
        if (room > upFront) {
            return 0;
        }
        return (long) ((upFront - room) / leakPerSecond * 1e9) + 1;
    }

    @Override
    public synchronized void sent(long nowNanos) {
        unanswered.addLast(nowNanos);
        sentSinceReply++;
    }

    /**
     * Only a quiet interval shows the leak: nothing in flight at the last reply and one request sent
     * since, which this reply answers, so the bucket changed by the leak and that request's cost alone
     * (others' reserves or refunds would pass for leak). A bucket that was empty shows no leak.
     */
    private void learnLeak(double remaining, double cost, long nowNanos) {
        double dt = (nowNanos - replyNanos) / 1e9;
        if (!quietAtReply || sentSinceReply != 1 || !unanswered.isEmpty() || Double.isNaN(this.remaining)
                || dt < 0.05 || dt > 30 || remaining >= highWater - cost - 1 || this.remaining >= highWater - 1) {
            return;
        }
        double observed = (remaining - this.remaining + cost) / dt;
        if (observed > 0.1) {
            leakPerSecond = 0.7 * leakPerSecond + 0.3 * Math.min(observed, 100 * DEFAULT_LEAK_PER_SECOND);
        }
    }

    /** The leak rate the pacer goes by (for tests). */
    synchronized double leakPerSecond() {
        return leakPerSecond;
    }

    /** Requests in flight sent too late for the last reply to show their reserves (answered ones hold none). */
    private int unseen() {
        int n = 0;
        for (java.util.Iterator<Long> it = unanswered.descendingIterator(); it.hasNext() && it.next() >= replyNanos - UNSEEN_NANOS; ) {
            n++;
        }
        return n;
    }
}
