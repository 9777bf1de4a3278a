package org.lmssync.simulator.canvas;

import java.time.Instant;
import java.util.Set;

/** Mutable enrollment state. */
final class EnrollmentData {
    static final Set<String> TYPES = Set.of("StudentEnrollment", "TeacherEnrollment", "TaEnrollment",
            "DesignerEnrollment", "ObserverEnrollment");
    static final Set<String> STATES = Set.of("active", "invited", "creation_pending", "deleted", "rejected",
            "completed", "inactive");

    final long id;
    final long userId;
    final long courseId;
    final long sectionId;
    final String type;
    final Instant createdAt;
    final Long associatedUserId;
    String state;
    Instant updatedAt;
    Instant lastActivityAt;
    Double currentScore;
    Double finalScore;

    EnrollmentData(long id, long userId, long courseId, long sectionId, String type, Instant createdAt,
                   Long associatedUserId) {
        this.id = id;
        this.userId = userId;
        this.courseId = courseId;
        this.sectionId = sectionId;
        this.type = type;
        this.createdAt = createdAt;
        this.associatedUserId = associatedUserId;
    }

    int roleId() {
        return switch (type) {
            case "StudentEnrollment" -> 3;
            case "TeacherEnrollment" -> 4;
            case "TaEnrollment" -> 5;
            case "DesignerEnrollment" -> 6;
            default -> 7;
        };
    }

    /** The short form used by enrollment_type filters: student, teacher, ta, designer, observer. */
    String shortType() {
        return type.substring(0, type.length() - "Enrollment".length()).toLowerCase(java.util.Locale.ROOT);
    }
}
