package org.lmssync.engine;

import java.util.ArrayList;
import java.util.List;

/** One run of one LMS: its id in {@code sync_runs} and its per-resource outcomes. */
public final class LmsRun {
    private final long runId;
    private final String lms;
    private final Counters totals = new Counters();
    private final List<String> failures = new ArrayList<>();
    private boolean interrupted;
    private volatile boolean credentialsRejected;

    public LmsRun(long runId, String lms) {
        this.runId = runId;
        this.lms = lms;
    }

    public long runId() {
        return runId;
    }

    public String lms() {
        return lms;
    }

    public Counters totals() {
        return totals;
    }

    public List<String> failures() {
        return failures;
    }

    public boolean interrupted() {
        return interrupted;
    }

    /** The LMS rejected the credentials for good (a final 401): the run's other resources are not tried. */
    public boolean credentialsRejected() {
        return credentialsRejected;
    }

    void rejectCredentials() {
        credentialsRejected = true;
    }

    void markInterrupted() {
        interrupted = true;
    }

    public String status() {
        if (!failures.isEmpty()) {
            return "failed";
        }
        return interrupted ? "interrupted" : "succeeded";
    }
}
