package org.lmssync.engine.page;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.lmssync.engine.run.RecordResult;

/** The split's aggregation: the per-record results back into one list for the page writer. */
public final class PageAssembler implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange collected, Exchange next) {
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
