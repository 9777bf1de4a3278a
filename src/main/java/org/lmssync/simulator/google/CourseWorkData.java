package org.lmssync.simulator.google;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** Mutable course-work state; only touched under the district lock. */
final class CourseWorkData {
    final String courseId;
    final String id;
    /** Global creation order; keys deterministic submission values. */
    final long ordinal;
    final Instant creationTime;
    final String creatorUserId;
    final int maxPoints;
    final LocalDate dueDate;
    final LocalTime dueTime;
    final String workType;
    String title;
    String description;
    String state;
    Instant updateTime;

    CourseWorkData(String courseId, String id, long ordinal, Instant creationTime, String creatorUserId,
                   int maxPoints, LocalDate dueDate, LocalTime dueTime, String workType) {
        this.courseId = courseId;
        this.id = id;
        this.ordinal = ordinal;
        this.creationTime = creationTime;
        this.creatorUserId = creatorUserId;
        this.maxPoints = maxPoints;
        this.dueDate = dueDate;
        this.dueTime = dueTime;
        this.workType = workType;
    }
}
