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
    /** Epoch seconds of the last edit: Schoology's last_updated. */
    long lastUpdated;
    /** The grading category's id; 0 when none. */
    long gradingCategoryId;
    /** The materials folder holding it; 0 at the top level. */
    long folderId;
    final Map<Long, SubmissionData> submissions = new LinkedHashMap<>();

    AssignmentData(long id, String title) {
        this.id = id;
        this.title = title;
    }
}
