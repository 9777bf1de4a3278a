package org.lmssync.simulator.canvas;

import java.time.Instant;

/** A submission as derived on demand from (assignment, student) and any edit. */
record Submission(long id, AssignmentData assignment, UserData user, Instant submittedAt, Instant gradedAt,
                  Double score, int attempt, Long graderId, boolean missing) {

    String workflowState() {
        return gradedAt != null ? "graded" : submittedAt != null ? "submitted" : "unsubmitted";
    }

    boolean late() {
        return submittedAt != null && assignment.dueAt != null && submittedAt.isAfter(assignment.dueAt);
    }
}
