package org.lmssync.simulator.schoology;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mutable assignment state with its submissions keyed by uid; under the district lock. */
final class AssignmentData {
    /** Schoology's order: non-final first, then by due date; id breaks ties so paging is stable. */
    static final Comparator<AssignmentData> ORDER = Comparator
            .comparing((AssignmentData a) -> a.isFinal)
            .thenComparing(a -> a.due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(a -> a.id);

    /** Also the grade_item_id. */
    final long id;
    String title;
    String description;
    LocalDateTime due;
    long gradingPeriodId;
    int maxPoints;
    boolean isFinal;
    boolean published = true;
    final Map<Long, SubmissionData> submissions = new LinkedHashMap<>();

    AssignmentData(long id, String title) {
        this.id = id;
        this.title = title;
    }
}
