package org.lmssync.observe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lmssync.engine.run.RunObserver;
import org.lmssync.engine.run.RunResult;

/**
 * The readiness rule of each enabled LMS (README, Monitoring): DOWN when its last run failed
 * because the LMS rejected the credentials, or when no run has succeeded for more than
 * {@code lms.health.max-missed-schedules} schedule intervals (counted from the last success, or
 * from the installation's start when there is none). UP otherwise, a failed run included: a
 * resource that fails now and then is for the metrics and the errors table, not for readiness.
 */
public final class SyncHealth implements RunObserver {
    /** The state of one LMS, as the check reports it. */
    public record State(String lms, boolean up, String reason, Map<String, Object> details) {
    }

    private final Clock clock;
    private final Instant installed;
    private final int maxMissed;
    private final Map<String, Duration> intervals;
    private final Map<String, Last> last = new ConcurrentHashMap<>();

    private static final class Last {
        volatile Instant lastSuccess;
        volatile long runId;
        volatile String status;
        volatile Instant finishedAt;
        volatile boolean credentialsRejected;
        volatile String firstFailure;
    }

    /**
     * @param intervals   per enabled LMS, its schedule's interval (null: the schedule could not be read)
     * @param lastSuccess per LMS, as {@link SyncHistory#lastSuccess} gives it
     */
    public SyncHealth(Clock clock, int maxMissed, Map<String, Duration> intervals, Map<String, Map<String, Long>> lastSuccess) {
        this.clock = clock;
        this.installed = clock.instant();
        this.maxMissed = maxMissed;
        // a value may be null (a schedule with no two next fire times): no staleness rule for that LMS
        this.intervals = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(intervals));
        for (String lms : intervals.keySet()) {
            Last l = new Last();
            Long at = lastSuccess.getOrDefault(lms, Map.of()).get("*");
            l.lastSuccess = at == null ? null : Instant.ofEpochSecond(at);
            last.put(lms, l);
        }
    }

    @Override
    public void runFinished(RunResult result, boolean credentialsRejected) {
        Last l = last.get(result.lms());
        if (l == null || result.runId() == 0) {
            return;
        }
        Instant now = clock.instant();
        l.runId = result.runId();
        l.status = result.status();
        l.finishedAt = now;
        l.credentialsRejected = credentialsRejected;
        l.firstFailure = result.failures().isEmpty() ? null : result.failures().get(0);
        if (result.status().equals("succeeded")) {
            l.lastSuccess = now;
        }
    }

    /** The state of the LMS now. */
    public State state(String lms) {
        Last l = last.get(lms);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lms", lms);
        if (l == null) {
            return new State(lms, true, "not enabled", d);
        }
        Optional.ofNullable(l.lastSuccess).ifPresent(t -> d.put("last.success", t.toString()));
        if (l.runId != 0) {
            d.put("last.run.id", l.runId);
            d.put("last.run.status", l.status);
            d.put("last.run.finished", l.finishedAt.toString());
        }
        if (l.firstFailure != null) {
            d.put("last.run.failure", l.firstFailure);
        }
        if (l.credentialsRejected) {
            return new State(lms, false, "the last run failed: the " + lms + " credentials were rejected", d);
        }
        Duration interval = intervals.get(lms);
        if (interval != null) {
            Duration allowed = interval.multipliedBy(maxMissed);
            d.put("max.age", allowed.toString());
            Instant since = l.lastSuccess != null ? l.lastSuccess : installed;
            if (Duration.between(since, clock.instant()).compareTo(allowed) > 0) {
                return new State(lms, false, "no run has succeeded " + (l.lastSuccess == null ? "since the start " : "")
                        + "for more than " + maxMissed + " schedule intervals (" + allowed + ")", d);
            }
        }
        return new State(lms, true, l.status == null ? "no run finished yet" : "last run " + l.status, d);
    }
}
