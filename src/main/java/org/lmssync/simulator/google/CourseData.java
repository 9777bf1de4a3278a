package org.lmssync.simulator.google;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mutable course state; only touched under the district lock. */
final class CourseData {
    final String id;
    final int ordinal;
    final Instant creationTime;
    final String enrollmentCode;
    final String subject;
    String name;
    String section;
    String room;
    String state;
    String ownerId;
    Instant updateTime;
    final Map<Integer, Enrollment> students = new LinkedHashMap<>();
    final Map<Integer, Enrollment> teachers = new LinkedHashMap<>();
    final Map<String, CourseWorkData> courseWork = new LinkedHashMap<>();

    CourseData(String id, int ordinal, Instant creationTime, String enrollmentCode, String subject) {
        this.id = id;
        this.ordinal = ordinal;
        this.creationTime = creationTime;
        this.enrollmentCode = enrollmentCode;
        this.subject = subject;
    }
}
