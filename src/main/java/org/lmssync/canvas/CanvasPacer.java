package org.lmssync.canvas;

/**
 * Paces requests by Canvas's leaky bucket, read from every reply: the bucket holds up to 600
 * units, leaks 10 units/s, and each request reserves 50 units while it runs. While more than half
 * the bucket is free we go at the configured rate; below that we space requests so that our
 * average cost leaks away as fast as it is added, and slower still as the bucket fills, so a long
 * sync levels off instead of hitting the high-water mark.
 */
final class CanvasPacer {
    static final double HIGH_WATER = 600;
    static final double LEAK_PER_SECOND = 10;
    static final double UP_FRONT = 50;

    private double averageCost = 1;

    /** The spacing to keep between requests, in ms (0 = the configured rate). */
    synchronized long intervalMillis(double remaining, double cost) {
        if (!Double.isNaN(cost) && cost >= 0) {
            averageCost = 0.8 * averageCost + 0.2 * cost;
        }
        if (Double.isNaN(remaining) || remaining >= HIGH_WATER / 2) {
            return 0;
        }
        double filled = (HIGH_WATER / 2 - remaining) / (HIGH_WATER / 2);
        double seconds = averageCost / LEAK_PER_SECOND * (1 + 2 * filled);
        if (remaining < 2 * UP_FRONT) {
            // Close to the line: let the bucket drain back above the up-front reserve first.
            seconds = Math.max(seconds, (2 * UP_FRONT - remaining) / LEAK_PER_SECOND);
        }
        return Math.round(seconds * 1000);
    }
}
