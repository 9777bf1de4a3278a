package org.lmssync.engine;

/** Set on SIGTERM / Ctrl-C: listings stop after the page in flight commits. */
public final class StopSignal {
    private volatile boolean stopping;

    public void stop() {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }
}
