package org.lmssync.engine.page;

import org.lmssync.engine.run.Counters.Counter;

import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.Message;
import org.lmssync.engine.run.Listing;
import org.lmssync.engine.run.ResourceRun;
import org.lmssync.engine.run.ResourceSync;

/**
 * Prepares the GET of the listing's next page: waits for the LMS's request budget, sets the URL
 * and lets the LMS sign it. Runs again on every redelivery, so each retry is paced and freshly
 * signed.
 */
public final class PageRequest {
    @Handler
    public void prepare(Exchange exchange) {
        ResourceRun run = exchange.getProperty(ResourceSync.RUN, ResourceRun.class);
        Listing listing = exchange.getProperty(ResourceSync.LISTING, Listing.class);
        run.lms().budget().acquire(run.lmsRun().stop());
        listing.sending();
        String url = listing.currentUrl();
        Message m = exchange.getMessage();
        m.setBody(null);
        m.setHeader(Exchange.HTTP_URI, url);
        m.setHeader("Accept", "application/json");
        run.lms().adapter().authorize(m, "GET", url);
        run.counters().inc(Counter.REQUESTS);
    }
}
