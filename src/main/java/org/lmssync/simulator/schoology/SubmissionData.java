package org.lmssync.simulator.schoology;

import java.util.ArrayList;
import java.util.List;

/** One student's submissions to one assignment: revisions in the order they were made. */
final class SubmissionData {
    /** One revision as the submissions endpoint lists it. */
    record Revision(int revisionId, long created, int numItems, boolean late, boolean draft) {
    }

    final long uid;
    final List<Revision> revisions = new ArrayList<>();

    SubmissionData(long uid) {
        this.uid = uid;
    }

    Revision latest() {
        return revisions.get(revisions.size() - 1);
    }
}
