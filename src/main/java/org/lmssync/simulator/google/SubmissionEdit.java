package org.lmssync.simulator.google;

import java.time.Instant;

/** Values a change set wrote over a generated submission. Null grade means unchanged. */
record SubmissionEdit(String state, Double assignedGrade, Instant updateTime) {
}
