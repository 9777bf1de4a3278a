package org.lmssync.simulator.schoology;

import java.time.LocalDate;

/** One attendance entry: an enrollment's status on a date. */
record AttendanceMark(long enrollmentId, LocalDate date, int status, String comment) {
}
