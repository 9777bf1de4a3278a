package org.lmssync.simulator.canvas;

import java.time.Instant;

/** An enrollment term. */
record TermData(long id, String name, Instant startAt, Instant endAt, Instant createdAt, String sisTermId) {
}
