package org.lmssync.engine.run;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.spi.LmsRegistry;
import org.lmssync.engine.spi.StopSignal;

/**
 * One resource within an LMS run: its planned scopes (in lanes), its counters and how its
 * listings ended. The scope is the unit of failure: a listing that fails is counted here and the
 * other scopes run, unless so many fail in a row that the API is clearly down for this resource.
 * Lanes run concurrently, so what they report here is synchronised.
 */
public final class ResourceRun {
    private final ResourceDefinition definition;
    private final LmsRun lmsRun;
    private final LmsRegistry.Lms lms;
    private final List<Scope> scopes;
    private final List<List<Scope>> lanes;
    private final Counters counters = new Counters();
    private final StopSignal stop;
    private final int maxFailedInARow;
    private final AtomicInteger started = new AtomicInteger();
    private int nextLane;
    private int failedScopes;
    private int failedInARow;
    private String firstScopeFailure;
    private String failure;
    private volatile boolean interrupted;
    private boolean finished;
    public TableWriter writer;
    public volatile long lastProgressNanos = System.nanoTime();

    ResourceRun(ResourceDefinition definition, LmsRun lmsRun, LmsRegistry.Lms lms, List<Scope> scopes, StopSignal stop,
                int maxFailedInARow) {
        this.definition = definition;
        this.lmsRun = lmsRun;
        this.lms = lms;
        this.scopes = scopes;
        this.stop = stop;
        this.maxFailedInARow = maxFailedInARow;
        this.lanes = lanes(scopes);
    }

    /** Consecutive scopes of one state row (the windows of one parent) form a lane, in their order. */
    private static List<List<Scope>> lanes(List<Scope> scopes) {
        Map<String, List<Scope>> byState = new LinkedHashMap<>();
        for (Scope s : scopes) {
            byState.computeIfAbsent(s.stateKey(), k -> new ArrayList<>()).add(s);
        }
        return List.copyOf(byState.values());
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
    public synchronized String failure() {
        return failure;
    }

    /**
     * The lanes still to run, for the route's split (read by its one iterating thread): it ends
     * early when the run stops, when the LMS's credentials were rejected, or when the resource
     * failed as a whole.
     */
    public Iterator<Lane> pending() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return mayContinue() && nextLane < lanes.size();
            }

            @Override
            public Lane next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return new Lane(lanes.get(nextLane++), stop, ResourceRun.this);
            }
        };
    }

    private boolean mayContinue() {
        return failure() == null && lmsRun.abortReason() == null && !stop.isStopping();
    }

    int scopeCount() {
        return scopes.size();
    }

    /** The listings planned for this run of the resource. */
    public int listings() {
        return scopes.size();
    }

    void started() {
        started.incrementAndGet();
    }

    /** Scopes planned but never started (a stop, an abort or a resource failure ended the run early). */
    int notStarted() {
        return scopes.size() - started.get();
    }

    /** A listing ended normally: the count of failures in a row starts again. */
    synchronized void scopeSucceeded() {
        failedInARow = 0;
    }

    /**
     * A listing failed: its scope keeps its resume point; after {@code maxFailedInARow} failures
     * in a row the rest of the resource is not listed in this run.
     */
    synchronized void scopeFailed(String message) {
        failedScopes++;
        failedInARow++;
        if (firstScopeFailure == null) {
            firstScopeFailure = message;
        }
        if (failedInARow >= maxFailedInARow && notStarted() > 0) {
            fail(failedInARow + " listings failed in a row (lms.max-failed-listings-in-a-row=" + maxFailedInARow
                    + "); the other " + notStarted() + " were not listed in this run. Last: " + message);
        }
    }

    synchronized int failedScopes() {
        return failedScopes;
    }

    synchronized void fail(String message) {
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
    synchronized boolean markFinished() {
        boolean first = !finished;
        finished = true;
        return first;
    }

    public synchronized String status() {
        if (failure != null || failedScopes > 0) {
            return "failed";
        }
        return interrupted ? "interrupted" : "succeeded";
    }

    /** The {@code error} of the resource's run row: the resource failure, or how many listings failed and the first reason. */
    public synchronized String error() {
        if (failedScopes == 0) {
            return failure;
        }
        String scoped = scopes.size() == 1 ? firstScopeFailure
                : failedScopes + " of " + scopes.size() + " listings failed: " + firstScopeFailure;
        return failure == null ? scoped : failure + " (" + scoped + ")";
    }
}
