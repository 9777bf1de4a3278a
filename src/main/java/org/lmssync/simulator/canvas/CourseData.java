package org.lmssync.simulator.canvas;

import java.time.Instant;

/** Mutable course state; only touched under the district lock. */
final class CourseData {
    final long id;
    final long accountId;
    final long termId;
    final String uuid;
    final Instant createdAt;
    String name;
    String courseCode;
    String sisCourseId;
    /** Canvas's internal state: created, claimed, available, completed or deleted. */
    String state;
    Instant startAt;
    Instant endAt;

    CourseData(long id, long accountId, long termId, String uuid, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.termId = termId;
        this.uuid = uuid;
        this.createdAt = createdAt;
    }

    /** What the API shows: created and claimed both read as unpublished. */
    String workflowState() {
        return state.equals("created") || state.equals("claimed") ? "unpublished" : state;
    }
}
