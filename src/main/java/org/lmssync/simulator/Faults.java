package org.lmssync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Fault injection switched on by tests. A rule fires either for the next N matching requests
 * or for a share p of matching requests (decided by a seeded Random, so runs repeat). Rules are
 * checked in the order they were added; the first that fires wins.
 */
public final class Faults {
    private final Random random;
    private final List<Rule> rules = new ArrayList<>();
    private final AtomicInteger injected = new AtomicInteger();

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    /** The next {@code count} requests (any path) get {@code fault}. */
    public Rule injectNext(int count, Fault fault) {
        return add(r -> true, count, 1.0, fault);
    }

    /** The next {@code count} requests whose path starts with {@code pathPrefix} get {@code fault}. */
    public Rule injectNext(int count, String pathPrefix, Fault fault) {
        return add(r -> r.path().startsWith(pathPrefix), count, 1.0, fault);
    }

    /** Each request (any path) gets {@code fault} with probability {@code share}, until removed. */
    public Rule injectShare(double share, Fault fault) {
        return add(r -> true, -1, share, fault);
    }

    public Rule injectShare(double share, String pathPrefix, Fault fault) {
        return add(r -> r.path().startsWith(pathPrefix), -1, share, fault);
    }

    /**
     * General form.
     *
     * @param count -1 for unlimited, otherwise how many times the rule may fire
     * @param share probability that a matching request is hit
     */
    public synchronized Rule add(Predicate<SimRequest> match, int count, double share, Fault fault) {
        if (count == 0 || count < -1) {
            throw new IllegalArgumentException("count must be positive or -1: " + count);
        }
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must be within [0,1]: " + share);
        }
        Rule rule = new Rule(match, count, share, fault);
        rules.add(rule);
        return rule;
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** How many faults fired since creation. */
    public int injectedCount() {
        return injected.get();
    }

    /** Picks the fault for this request, if any, and consumes one use of its rule. */
    public synchronized Optional<Fault> select(SimRequest request) {
        for (var it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.removed || !rule.match.test(request)) {
                continue;
            }
            // Draw only for partial shares so "next N" rules do not disturb the seeded sequence.
            if (rule.share < 1.0 && random.nextDouble() >= rule.share) {
                continue;
            }
            rule.fired++;
            if (rule.remaining > 0 && --rule.remaining == 0) {
                it.remove();
            }
            injected.incrementAndGet();
            return Optional.of(rule.fault);
        }
        return Optional.empty();
    }

    /** A registered rule; tests can read how often it fired and remove it. */
    public final class Rule {
        private final Predicate<SimRequest> match;
        private final double share;
        private final Fault fault;
        private int remaining;
        private int fired;
        private boolean removed;

        private Rule(Predicate<SimRequest> match, int count, double share, Fault fault) {
            this.match = match;
            this.remaining = count;
            this.share = share;
            this.fault = fault;
        }

        public Fault fault() {
            return fault;
        }

        public int fired() {
            synchronized (Faults.this) {
                return fired;
            }
        }

        /** Uses left, or -1 when unlimited. */
        public int remaining() {
            synchronized (Faults.this) {
                return remaining;
            }
        }

        public void remove() {
            synchronized (Faults.this) {
                removed = true;
                rules.remove(this);
            }
        }
    }
}
