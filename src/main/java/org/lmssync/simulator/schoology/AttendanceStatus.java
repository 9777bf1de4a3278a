package org.lmssync.simulator.schoology;

/** Schoology's attendance status codes; the API usually reports only the negative ones. */
public final class AttendanceStatus {
    public static final int PRESENT = 1;
    public static final int ABSENT = 2;
    public static final int LATE = 3;
    public static final int EXCUSED = 4;

    private AttendanceStatus() {
    }

    static void check(int status) {
        if (status < PRESENT || status > EXCUSED) {
            throw new IllegalArgumentException("attendance status must be 1..4: " + status);
        }
    }
}
