package org.lmssync.engine.run;

import java.util.HashSet;
import java.util.Set;
import org.lmssync.engine.http.Urls;
import org.lmssync.engine.spi.StopSignal;

/**
 * The paging state of one scope's listing in this run. It travels with the listing's exchange
 * (property {@link ResourceSync#LISTING}), so every step works on its own listing.
 */
public final class Listing {
    private final Scope scope;
    private final StopSignal stop;
    private final String firstUrl;
    private final String stopAtWatermark;
    private final Set<String> visited = new HashSet<>();
    private long passRunId;
    private boolean fullPass;
    private boolean resumed;
    private String nextUrl;
    private String currentUrl;
    private String pendingWatermark;
    private boolean complete;
    private boolean partialData;
    private int failures;
    private boolean refreshedAuth;
    private boolean checking;
    private String failure;
    /** Records of this pass (over every run it spans) that could not be stored. */
    private long rejected;
    private java.util.concurrent.Future<?> pendingWrite;
    public volatile long retired;
    public volatile long pages;
    public volatile long records;
    public final long startedNanos = System.nanoTime();

    public Listing(Scope scope, String firstUrl, String resumeUrl, long passRunId, boolean fullPass,
            String stopAtWatermark, String pendingWatermark, long rejectedBefore, StopSignal stop) {
        this.scope = scope;
        this.stop = stop;
        this.rejected = rejectedBefore;
        this.firstUrl = firstUrl;
        this.resumed = resumeUrl != null;
        this.nextUrl = resumeUrl != null ? resumeUrl : firstUrl;
        this.passRunId = passRunId;
        this.fullPass = fullPass;
        this.stopAtWatermark = stopAtWatermark;
        this.pendingWatermark = pendingWatermark;
    }

    public Scope scope() {
        return scope;
    }

    public long passRunId() {
        return passRunId;
    }

    public boolean fullPass() {
        return fullPass;
    }

    public boolean resumed() {
        return resumed;
    }

    /** The URL of the request about to be made (or being retried). */
    public String nextUrl() {
        return nextUrl;
    }

    public String currentUrl() {
        return currentUrl;
    }

    public String stopAtWatermark() {
        return stopAtWatermark;
    }

    public String pendingWatermark() {
        return pendingWatermark;
    }

    public boolean complete() {
        return complete;
    }

    public boolean partialData() {
        return partialData;
    }

    public int failures() {
        return failures;
    }

    /** Marks the request as sent: the URL becomes the current page. */
    public void sending() {
        currentUrl = nextUrl;
    }

    /** A page was read: returns false when its next link was seen before in this listing (a loop). */
    public boolean advance(String next) {
        visited.add(currentUrl);
        failures = 0;
        refreshedAuth = false;
        resumed = false;
        if (next == null) {
            nextUrl = null;
            complete = true;
            return true;
        }
        if (visited.contains(next)) {
            nextUrl = null;
            return false;
        }
        nextUrl = next;
        return true;
    }

    /** Ends the listing early (watermark reached, or stopping) without calling it complete. */
    public void stopEarly() {
        nextUrl = null;
    }

    boolean hasNext() {
        return nextUrl != null;
    }

    /** The page loop's condition: there is a next page, the listing has not failed and no stop is asked. */
    public boolean isPagePending() {
        return nextUrl != null && failure == null && !stop.isStopping();
    }

    /** The listing cannot go on (a paging loop): its scope fails, the resource's other scopes go on. */
    public void fail(String message) {
        if (failure == null) {
            failure = message;
        }
        nextUrl = null;
    }

    public String failure() {
        return failure;
    }

    /** A page of this listing is being committed on the writer thread. */
    public void writing(java.util.concurrent.Future<?> write) {
        pendingWrite = write;
    }

    /**
     * Waits for this listing's page being committed, if any; its failure is this listing's
     * (the resume point then stays at the last page that committed).
     */
    public void awaitWrite() throws java.sql.SQLException {
        java.util.concurrent.Future<?> f = pendingWrite;
        if (f == null) {
            return;
        }
        pendingWrite = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.sql.SQLException("interrupted while a page was being committed", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.sql.SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new java.sql.SQLException(e.getCause());
        }
    }

    /** Counts records of a page that could not be stored: this pass may not infer deletions. */
    public void rejected(long count) {
        rejected += count;
    }

    public long rejected() {
        return rejected;
    }

    int failed() {
        return ++failures;
    }

    /** One auth refresh per page: a second 401 in a row is final. */
    boolean tryRefreshAuth() {
        if (refreshedAuth) {
            return false;
        }
        refreshedAuth = true;
        return true;
    }

    /** The API rejected the stored resume point: start again from the first page, as a new pass. */
    void restart(long runId) {
        nextUrl = firstUrl;
        rejected = 0;
        resumed = false;
        passRunId = runId;
        visited.clear();
    }

    public void seenWatermark(String value) {
        if (value != null && (pendingWatermark == null || value.compareTo(pendingWatermark) > 0)) {
            pendingWatermark = value;
        }
    }

    public void markPartialData() {
        partialData = true;
    }

    /**
     * Whether this is the deletion-check pass that follows a complete listing: its pages are read
     * for identities only (see {@code deletionCheckQuery}).
     */
    public boolean checking() {
        return checking;
    }

    /** After a complete listing: lists the scope again from the first page with the extra query. */
    public void startDeletionCheck(java.util.Map<String, String> extraQuery) {
        String url = firstUrl;
        for (java.util.Map.Entry<String, String> e : extraQuery.entrySet()) {
            url = Urls.withParam(url, e.getKey(), e.getValue());
        }
        checking = true;
        complete = false;
        rejected = 0;
        visited.clear();
        nextUrl = url;
    }
}
