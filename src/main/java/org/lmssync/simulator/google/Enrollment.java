package org.lmssync.simulator.google;

import java.time.Instant;

/** A user on a course roster, and since when. */
record Enrollment(int userIndex, Instant enrolledAt) {
}
