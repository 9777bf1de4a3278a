package org.lmssync.engine;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One resource within an LMS run: its planned scopes, its counters and how its listings ended.
 * The scope is the unit of failure: a listing that fails is counted here and the next scope
 * runs, unless so many fail in a row that the API is clearly down for this resource.
 */
public final class ResourceRun {
    private final ResourceDefinition definition;
    private final LmsRun lmsRun;
    private final LmsRegistry.Lms lms;
    private final List<Scope> scopes;
    private final Counters counters = new Counters();
    private final StopSignal stop;
    private final int maxFailedInARow;
    private int nextScope;
    private int failedScopes;
    private int failedInARow;
    private String firstScopeFailure;
    private String failure;
    private boolean interrupted;
    private boolean finished;
    private String heldDateScope;
    TableWriter writer;
    long lastProgressNanos = System.nanoTime();

    ResourceRun(ResourceDefinition definition, LmsRun lmsRun, LmsRegistry.Lms lms, List<Scope> scopes, StopSignal stop,
                int maxFailedInARow) {
        this.definition = definition;
        this.lmsRun = lmsRun;
        this.lms = lms;
        this.scopes = scopes;
        this.stop = stop;
        this.maxFailedInARow = maxFailedInARow;
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

    /** The resource-level failure (null while only single scopes failed). */
    public String failure() {
        return failure;
    }

    /**
     * The scopes still to list, for the route's split: it ends early when the run stops, when the
     * LMS's credentials were rejected, or when the resource failed as a whole.
     */
    public Iterator<Scope> pending() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return mayContinue() && nextScope < scopes.size();
            }

            @Override
            public Scope next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return scopes.get(nextScope++);
            }
        };
    }

    private boolean mayContinue() {
        return failure == null && lmsRun.abortReason() == null && !stop.isStopping();
    }

    int scopeCount() {
        return scopes.size();
    }

    /** Scopes planned but never started (a stop, an abort or a resource failure ended the run early). */
    int notStarted() {
        return scopes.size() - nextScope;
    }

    /** A listing ended normally: the count of failures in a row starts again. */
    void scopeSucceeded() {
        failedInARow = 0;
    }

    /**
     * A listing failed: its scope keeps its resume point; after {@code maxFailedInARow} failures
     * in a row the rest of the resource is not listed in this run.
     */
    void scopeFailed(String message) {
        failedScopes++;
        failedInARow++;
        if (firstScopeFailure == null) {
            firstScopeFailure = message;
        }
        if (failedInARow >= maxFailedInARow && nextScope < scopes.size()) {
            fail(failedInARow + " listings failed in a row (lms.max-failed-listings-in-a-row=" + maxFailedInARow
                    + "); the other " + (scopes.size() - nextScope) + " were not listed in this run. Last: " + message);
        }
    }

    int failedScopes() {
        return failedScopes;
    }

    void fail(String message) {
        if (failure == null) {
            failure = message;
        }
    }

    void markInterrupted() {
        interrupted = true;
    }

    boolean interrupted() {
        return interrupted;
    }

    /** Finishing happens once, whichever path (normal end or error handler) gets there first. */
    boolean markFinished() {
        boolean first = !finished;
        finished = true;
        return first;
    }

    /** A by-date scope whose stored date must not move any further in this run (partial data seen). */
    boolean dateHeld(String scopeKey) {
        return scopeKey.equals(heldDateScope);
    }

    void holdDate(String scopeKey) {
        heldDateScope = scopeKey;
    }

    public String status() {
        if (failure != null || failedScopes > 0) {
            return "failed";
        }
        return interrupted ? "interrupted" : "succeeded";
    }

    /** The {@code error} of the resource's run row: the resource failure, or how many listings failed and the first reason. */
    public String error() {
        if (failedScopes == 0) {
            return failure;
        }
        String scoped = scopes.size() == 1 ? firstScopeFailure
                : failedScopes + " of " + scopes.size() + " listings failed: " + firstScopeFailure;
        return failure == null ? scoped : failure + " (" + scoped + ")";
    }
}
