package org.lmssync.engine.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The totals kept in {@code sync_runs} and {@code sync_run_resources}. Listings of one resource
 * run concurrently, so every count is an atomic add: totals are exact over them.
 */
public final class Counters {

    /** One total, by its column in the run log. */
    public enum Counter {
        REQUESTS("requests"), RETRIES("retries"), THROTTLED("throttled"), THROTTLE_WAIT_MS("throttle_wait_ms"),
        PAGES("pages"), RECORDS("records"), INSERTED("inserted"), UPDATED("updated"), UNCHANGED("unchanged"),
        DELETED("deleted"), ERRORS("errors"),
        /** Time waited before retries, throttled or not (THROTTLE_WAIT_MS is the throttled part). */
        RETRY_WAIT_MS("retry_wait_ms");

        private final String column;

        Counter(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    private static final Counter[] ALL = Counter.values();
    public static final String[] COLUMNS = java.util.Arrays.stream(ALL).map(Counter::column).toArray(String[]::new);

    private final AtomicLongArray values = new AtomicLongArray(ALL.length);

    public void inc(Counter c) {
        values.incrementAndGet(c.ordinal());
    }

    public void add(Counter c, long v) {
        values.addAndGet(c.ordinal(), v);
    }

    public long get(Counter c) {
        return values.get(c.ordinal());
    }

    public void add(Counters o) {
        for (Counter c : ALL) {
            add(c, o.get(c));
        }
    }

    /** Values in the column order of {@link #COLUMNS}. */
    public long[] values() {
        long[] out = new long[ALL.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** The values by column name, in the order of {@link #COLUMNS}. */
    public Map<String, Long> asMap() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Counter c : ALL) {
            out.put(c.column(), get(c));
        }
        return out;
    }
}
