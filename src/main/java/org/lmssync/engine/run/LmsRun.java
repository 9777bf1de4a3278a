package org.lmssync.engine.run;

import java.util.ArrayList;
import java.util.List;
import org.lmssync.engine.spi.StopSignal;

/** One run of one LMS: its id in {@code sync_runs} and its per-resource outcomes. */
public final class LmsRun {
    private final long runId;
    private final String lms;
    private final java.util.Set<Long> resumes;
    private final Counters totals = new Counters();
    // chains of resources run side by side: what they report here is synchronised
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<RunResult.Resource> resources = java.util.Collections.synchronizedList(new ArrayList<>());
    private final StopSignal stop = new StopSignal();
    private volatile boolean interrupted;
    private volatile String abortReason;

    public LmsRun(long runId, String lms) {
        this(runId, lms, java.util.Set.of());
    }

    /** @param resumes the interrupted runs just before this one, whose completed listings it skips */
    public LmsRun(long runId, String lms, java.util.Set<Long> resumes) {
        this.runId = runId;
        this.lms = lms;
        this.resumes = java.util.Set.copyOf(resumes);
    }

    java.util.Set<Long> resumes() {
        return resumes;
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

    /** This run's own stop: a stop of the whole engine, or a cancel of this run only. */
    public StopSignal stop() {
        return stop;
    }

    void resourceDone(RunResult.Resource r) {
        resources.add(r);
    }

    /** The reply of {@code direct:lms-sync}. */
    public RunResult result() {
        return new RunResult(runId, lms, status(), totals.asMap(), resources, failures);
    }

    public boolean interrupted() {
        return interrupted;
    }

    /** Rejected credentials: the LMS's remaining resources are skipped rather than each failing alike. */
    void abort(String reason) {
        abortReason = reason;
    }

    String abortReason() {
        return abortReason;
    }

    /** The LMS rejected the configured credentials in this run (its remaining resources were skipped). */
    public boolean credentialsRejected() {
        return abortReason != null;
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
