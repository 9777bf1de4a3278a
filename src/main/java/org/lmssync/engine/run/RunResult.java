package org.lmssync.engine.run;

import java.util.List;
import java.util.Map;

/**
 * What one run of one LMS did: the reply body of {@code direct:lms-sync}. {@code status} is
 * {@code succeeded}, {@code failed}, {@code interrupted}, or {@code skipped} when that LMS was
 * still syncing (then {@code runId} is 0 and nothing else is set).
 *
 * @param totals    the run's counters by the column names of {@code sync_runs}
 * @param resources each resource's outcome, in the order they ran
 */
public record RunResult(long runId, String lms, String status, Map<String, Long> totals, List<Resource> resources,
                        List<String> failures) {

    /** One resource's outcome, as in {@code sync_run_resources}. */
    public record Resource(String name, String status, String error, Map<String, Long> counters) {
    }

    public RunResult {
        totals = Map.copyOf(totals);
        resources = List.copyOf(resources);
        failures = List.copyOf(failures);
    }

    static RunResult skipped(String lms) {
        return new RunResult(0, lms, "skipped", Map.of(), List.of(), List.of());
    }

    public boolean failed() {
        return status.equals("failed");
    }

    /** A counter of the totals ({@code records}, {@code inserted}, … as in {@code sync_runs}); 0 when absent. */
    public long total(String column) {
        return totals.getOrDefault(column, 0L);
    }
}
