package org.lmssync.engine;

/** The totals kept in {@code sync_runs} and {@code sync_run_resources}. One thread writes them. */
public final class Counters {
    public long requests;
    public long retries;
    public long throttled;
    public long throttleWaitMs;
    public long pages;
    public long records;
    public long inserted;
    public long updated;
    public long unchanged;
    public long deleted;
    public long errors;
    /** Time waited before retries, throttled or not (throttleWaitMs is the throttled part). */
    public long retryWaitMs;

    public void add(Counters o) {
        requests += o.requests;
        retries += o.retries;
        throttled += o.throttled;
        throttleWaitMs += o.throttleWaitMs;
        pages += o.pages;
        records += o.records;
        inserted += o.inserted;
        updated += o.updated;
        unchanged += o.unchanged;
        deleted += o.deleted;
        errors += o.errors;
        retryWaitMs += o.retryWaitMs;
    }

    /** Values in the column order of {@link #COLUMNS}. */
    public long[] values() {
        return new long[] {requests, retries, throttled, throttleWaitMs, pages, records, inserted, updated, unchanged, deleted, errors, retryWaitMs};
    }

    /** The values by column name, in the order of {@link #COLUMNS}. */
    public java.util.Map<String, Long> asMap() {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        long[] v = values();
        for (int i = 0; i < COLUMNS.length; i++) {
            out.put(COLUMNS[i], v[i]);
        }
        return out;
    }

    public static final String[] COLUMNS = {"requests", "retries", "throttled", "throttle_wait_ms", "pages", "records",
        "inserted", "updated", "unchanged", "deleted", "errors", "retry_wait_ms"};
}
