package org.lmssync.simulator.schoology;

import java.time.LocalDate;

/** A grading period; past once {@code end} is before the district's today. */
record GradingPeriod(long id, String title, LocalDate start, LocalDate end) {
    boolean isPast(LocalDate today) {
        return end.isBefore(today);
    }
}
