package org.lmssync.simulator.canvas;

import java.time.Instant;
import java.util.List;

/** Mutable assignment state. Deleted assignments, and their submissions, disappear. */
final class AssignmentData {
    final long id;
    final int ordinal;
    final long courseId;
    final long assignmentGroupId;
    final Instant createdAt;
    /** Generated with the district (its submissions have generated history); false for added ones. */
    final boolean generated;
    String name;
    String description;
    Instant dueAt;
    double pointsPossible;
    int position;
    List<String> submissionTypes;
    boolean published;
    boolean deleted;
    Instant updatedAt;

    AssignmentData(long id, int ordinal, long courseId, long assignmentGroupId, Instant createdAt, boolean generated) {
        this.id = id;
        this.ordinal = ordinal;
        this.courseId = courseId;
        this.assignmentGroupId = assignmentGroupId;
        this.createdAt = createdAt;
        this.generated = generated;
    }
}
