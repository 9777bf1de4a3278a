package org.lmssync.simulator.schoology;

/** Schoology's enrollment status codes. */
public final class EnrollmentStatus {
    public static final int ACTIVE = 1;
    public static final int EXPIRED = 2;
    public static final int INVITE_PENDING = 3;
    public static final int REQUEST_PENDING = 4;
    public static final int ARCHIVED = 5;

    private EnrollmentStatus() {
    }

    static void check(int status) {
        if (status < ACTIVE || status > ARCHIVED) {
            throw new IllegalArgumentException("enrollment status must be 1..5: " + status);
        }
    }
}
