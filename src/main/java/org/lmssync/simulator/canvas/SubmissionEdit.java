package org.lmssync.simulator.canvas;

import java.time.Instant;

/** What a change set did to one submission; replaces the generated history. */
record SubmissionEdit(Instant submittedAt, Instant gradedAt, Double score, int attempt, Long graderId) {
}
