package org.lmssync.simulator.schoology;

/**
 * Mutable enrollment state.
 *
 * @see EnrollmentStatus
 */
final class EnrollmentData {
    final long id;
    final long uid;
    final boolean admin;
    int status;

    EnrollmentData(long id, long uid, boolean admin, int status) {
        this.id = id;
        this.uid = uid;
        this.admin = admin;
        this.status = status;
    }
}
