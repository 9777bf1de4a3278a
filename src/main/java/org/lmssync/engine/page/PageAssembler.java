package org.lmssync.engine.page;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.lmssync.engine.run.RecordResult;

/**
 * The split's aggregation: the per-record results back into one list for the page writer. A
 * record whose step failed fails the page: the split has no error handler, so the failure is
 * carried to the caller here.
 */
public final class PageAssembler implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange collected, Exchange next) {
        if (collected != null && collected.getException() != null) {
            return collected;
        }
        if (next.getException() != null) {
            // a record step failed in a way it could not turn into a rejected record: the page
            // fails (and is fetched again), rather than lose the record
            if (collected == null) {
                return next;
            }
            collected.setException(next.getException());
            return collected;
        }
        RecordResult result = next.getMessage().getBody(RecordResult.class);
        if (collected == null) {
            List<RecordResult> page = new ArrayList<>();
            page.add(result);
            next.getMessage().setBody(page);
            return next;
        }
        collected.getMessage().getBody(List.class).add(result);
        return collected;
    }
}
