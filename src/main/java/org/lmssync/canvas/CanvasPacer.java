package org.lmssync.canvas;

/**
 * Paces requests by Canvas's leaky bucket, learnt from the replies rather than assumed: the
 * high-water mark from the largest {@code X-Rate-Limit-Remaining} seen (plus the request's cost),
 * the leak rate from how much the remaining grows between paced requests. While the bucket has
 * room we go at the configured rate; near the line we space requests so our average cost leaks
 * away as fast as it is added, and drain first when it is closer than the up-front reserve a
 * request needs. A long sync then levels off just under the line instead of meeting it.
 *
 * <p>The line kept is one up-front reserve (the request about to go) plus the cost of every
 * request that may be in flight. Not a reserve for each of them: the remaining a reply reports
 * already has the reserves of the requests the server is handling taken off (Canvas adds them to
 * the bucket when a request arrives), so counting them again kept a run of 4 in flight 200 units
 * below the line and made it drain at the leak rate long before it had to.
 */
final class CanvasPacer {
    /** Canvas's documented leak rate, the starting guess until replies show the real one. */
    static final double DEFAULT_LEAK_PER_SECOND = 10;
    /** Canvas reserves 50 units up front; small test buckets get a proportionally small reserve. */
    static final double MAX_UP_FRONT = 50;

    private double highWater = Double.NaN;
    private double leakPerSecond = DEFAULT_LEAK_PER_SECOND;
    private double averageCost = 1;
    private double lastRemaining = Double.NaN;
    private long lastNanos;
    private int inFlight = 1;

    /** How many requests may be in flight at once: each may add its cost before its reply is seen. */
    synchronized void inFlight(int n) {
        inFlight = Math.max(1, n);
    }

    /** The spacing to keep before the next request, in ms (0 = the configured rate). */
    synchronized long intervalMillis(double remaining, double cost, long nowNanos) {
        if (Double.isNaN(remaining)) {
            return 0;
        }
        double c = Double.isNaN(cost) || cost < 0 ? averageCost : cost;
        averageCost = 0.8 * averageCost + 0.2 * c;
        highWater = Double.isNaN(highWater) ? remaining + c : Math.max(highWater, remaining + c);
        learnLeak(remaining, c, nowNanos);
        double upFront = Math.min(MAX_UP_FRONT, highWater / 12);
        double floor = upFront + averageCost * (inFlight + 1);
        double band = Math.max(4 * averageCost, highWater / 40);
        double perRequest = averageCost / leakPerSecond;
        double seconds;
        if (remaining > floor + band) {
            seconds = 0;
        } else if (remaining >= floor) {
            seconds = perRequest * (1 + (floor + band - remaining) / band);
        } else {
            seconds = Math.max(2 * perRequest, (floor - remaining + averageCost) / leakPerSecond);
        }
        return Math.round(seconds * 1000);
    }

    private void learnLeak(double remaining, double cost, long nowNanos) {
        double dt = (nowNanos - lastNanos) / 1e9;
        // Only a bucket that is neither empty nor refusing shows its leak; short gaps are noise.
        if (!Double.isNaN(lastRemaining) && dt > 0.05 && dt < 30 && lastRemaining < highWater - cost - 1
                && remaining < highWater - cost - 1 && remaining > 0) {
            double observed = (remaining - lastRemaining + cost) / dt;
            if (observed > 0.1) {
                leakPerSecond = 0.7 * leakPerSecond + 0.3 * observed;
            }
        }
        lastRemaining = remaining;
        lastNanos = nowNanos;
    }
}
