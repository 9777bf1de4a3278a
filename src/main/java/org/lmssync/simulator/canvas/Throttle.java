package org.lmssync.simulator.canvas;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.LongSupplier;

/**
 * Canvas's request throttle: one {@link LeakyBucket} per client identifier. A request reserves the
 * up-front cost, is refused when the bucket is then at or above the high-water mark, and on
 * completion swaps the reserve for its real cost.
 */
final class Throttle {
    private final Map<String, LeakyBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong throttled = new AtomicLong();
    private final DoubleAdder charged = new DoubleAdder();
    private final LongSupplier nanos;
    private volatile ThrottleSettings settings;

    Throttle(ThrottleSettings settings, LongSupplier nanos) {
        this.settings = settings;
        this.nanos = nanos;
    }

    /** One request's hold on its bucket; {@link #complete} must be called exactly once. */
    final class Ticket {
        private final LeakyBucket bucket;
        private final ThrottleSettings s;
        final boolean refused;

        private Ticket(LeakyBucket bucket, ThrottleSettings s, boolean refused) {
            this.bucket = bucket;
            this.s = s;
            this.refused = refused;
        }

        /** Charges {@code cost}, refunds the reserve and returns what X-Rate-Limit-Remaining reports. */
        double complete(double cost) {
            charged.add(cost);
            return s.highWaterMark() - bucket.increment(cost - s.upFrontCost(), s);
        }

        ThrottleSettings settings() {
            return s;
        }
    }

    Ticket begin(String clientId) {
        ThrottleSettings s = settings;
        LeakyBucket b = buckets.computeIfAbsent(clientId, k -> new LeakyBucket(nanos));
        boolean full = b.increment(s.upFrontCost(), s) >= s.highWaterMark();
        boolean refused = full && s.enabled();
        if (refused) {
            throttled.incrementAndGet();
        }
        return new Ticket(b, s, refused);
    }

    long throttledCount() {
        return throttled.get();
    }

    /** The real costs charged so far (the sum of the X-Request-Cost values sent), over every client. */
    double chargedCost() {
        return charged.sum();
    }

    double level(String clientId) {
        LeakyBucket b = buckets.get(clientId);
        return b == null ? 0.0 : b.level(settings);
    }

    ThrottleSettings settings() {
        return settings;
    }

    void settings(ThrottleSettings s) {
        settings = s;
    }

    void reset() {
        buckets.values().forEach(LeakyBucket::reset);
        throttled.set(0);
        charged.reset();
    }
}
