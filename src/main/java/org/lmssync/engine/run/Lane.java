package org.lmssync.engine.run;

import java.util.List;
import org.lmssync.engine.spi.StopSignal;

/**
 * The listings of one {@code sync_state} row in their order: the date windows of one parent (or
 * a single listing). They share a resume point and a stored date, so they run one after the
 * other; lanes run concurrently. A failed window ends its lane: the later windows wait for the
 * next run, so the stored date never moves past a date that was not fetched.
 */
public final class Lane {
    private final List<Scope> scopes;
    private final StopSignal stop;
    private final ResourceRun run;
    private int next;
    private volatile boolean ended;
    private boolean dateHeld;

    Lane(List<Scope> scopes, StopSignal stop, ResourceRun run) {
        this.scopes = List.copyOf(scopes);
        this.stop = stop;
        this.run = run;
    }

    /** The lane's loop condition: a listing is left, none failed, no stop is asked, the resource goes on. */
    public boolean isPending() {
        return !ended && next < scopes.size() && !stop.isStopping() && run.failure() == null;
    }

    Scope take() {
        run.started();
        return scopes.get(next++);
    }

    /** A listing of the lane failed: the rest of it is left for the next run. */
    void end() {
        ended = true;
    }

    int size() {
        return scopes.size();
    }

    /** A window saw partial data: the lane's stored date must not move any further in this run. */
    public boolean dateHeld() {
        return dateHeld;
    }

    public void holdDate() {
        dateHeld = true;
    }
}
