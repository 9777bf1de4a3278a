package org.lmssync.simulator.canvas;

import java.time.Instant;

/** Mutable section state; deleted sections drop out of every listing. */
final class SectionData {
    final long id;
    final long courseId;
    final Instant createdAt;
    String name;
    String sisSectionId;
    boolean deleted;

    SectionData(long id, long courseId, Instant createdAt) {
        this.id = id;
        this.courseId = courseId;
        this.createdAt = createdAt;
    }
}
