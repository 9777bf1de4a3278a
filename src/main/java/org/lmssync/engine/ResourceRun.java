package org.lmssync.engine;

import java.util.List;

/** One resource within an LMS run: its scopes, the listing in progress and its counters. */
public final class ResourceRun {
    private final ResourceDefinition definition;
    private final LmsRun lmsRun;
    private final LmsRegistry.Lms lms;
    private final List<Scope> scopes;
    private final Counters counters = new Counters();
    private final StopSignal stop;
    private int nextScope;
    private Listing listing;
    private String failure;
    private boolean interrupted;
    private String heldDateScope;
    TableWriter writer;
    long lastProgressNanos = System.nanoTime();

    ResourceRun(ResourceDefinition definition, LmsRun lmsRun, LmsRegistry.Lms lms, List<Scope> scopes, StopSignal stop) {
        this.definition = definition;
        this.lmsRun = lmsRun;
        this.lms = lms;
        this.scopes = scopes;
        this.stop = stop;
    }

    public ResourceDefinition definition() {
        return definition;
    }

    public LmsRun lmsRun() {
        return lmsRun;
    }

    public LmsRegistry.Lms lms() {
        return lms;
    }

    public Counters counters() {
        return counters;
    }

    public Listing listing() {
        return listing;
    }

    public String failure() {
        return failure;
    }

    /** Read by the scope loop of the route template. */
    public boolean isScopePending() {
        if (failure != null || stop.isStopping()) {
            interrupted |= stop.isStopping() && nextScope < scopes.size();
            return false;
        }
        return nextScope < scopes.size();
    }

    /** Read by the page loop of the route template. */
    public boolean isPagePending() {
        if (listing == null || failure != null) {
            return false;
        }
        if (stop.isStopping() && listing.hasNext()) {
            interrupted = true;
            return false;
        }
        return listing.hasNext();
    }

    Scope takeScope() {
        return scopes.get(nextScope++);
    }

    int scopeCount() {
        return scopes.size();
    }

    void listing(Listing l) {
        this.listing = l;
    }

    void fail(String message) {
        if (failure == null) {
            failure = message;
        }
    }

    boolean interrupted() {
        return interrupted;
    }

    /** A by-date scope whose stored date must not move any further in this run (partial data seen). */
    boolean dateHeld(String scopeKey) {
        return scopeKey.equals(heldDateScope);
    }

    void holdDate(String scopeKey) {
        heldDateScope = scopeKey;
    }

    public String status() {
        if (failure != null) {
            return "failed";
        }
        return interrupted ? "interrupted" : "succeeded";
    }
}
