package org.lmssync.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * The three engine routes every LMS shares. {@code lms-sync} runs one LMS: its resources in
 * dependency order (independent chains of them side by side), each through its own templated
 * route, inside a try whose finally closes the run. {@code lms-fetch-page} is the unit the shared
 * error handler redelivers: pace, sign, GET and read one page. It has no error handler of its own
 * so that failures reach the calling resource route's redelivery policy. {@code lms-map-page}
 * splits a page into its records and aggregates their results for the page writer.
 */
public final class EngineRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // Each resource route handles its own failures; whatever still escapes fails the run, and
        // the run is closed (status, totals, the LMS released) in every case.
        from("direct:lms-sync").routeId("lms-sync")
                .bean("lmsSyncRunner", "begin")
                .doTry()
                    // stages one after the other (see SyncRunner.stages), the chains of a stage side by
                    // side (one per root resource), the resources of a chain in dependency order
                    .split(body())
                        .choice()
                            .when(simple("${body.size} > 1"))
                                .split(body()).parallelProcessing()
                                    .split(body())
                                        .toD("${body}")
                                    .end()
                                .end()
                            .endChoice()
                            .otherwise()
                                // one chain: its resources one after the other, on this thread
                                .split(simple("${body[0]}"))
                                    .toD("${body}")
                                .end()
                        .end()
                    .end()
                .endDoTry()
                .doCatch(Exception.class)
                    .bean("lmsSyncRunner", "failed")
                .doFinally()
                    .bean("lmsSyncRunner", "finish")
                .end();

        from("direct:lms-fetch-page").routeId("lms-fetch-page")
                .errorHandler(noErrorHandler())
                .removeHeaders("*")
                .bean("lmsSyncPageRequest", "prepare")
                // the method on the endpoint, not a header: camel-http converts a header's String to
                // its enum through a type-converter lookup on every page
                .to(org.lmssync.LmsSync.HTTP_COMPONENT + "://lms-sync?httpMethod=GET&throwExceptionOnFailure=true")
                .bean("lmsSyncPageReader", "read")
                // the records need none of the reply's headers; each split copy would carry them
                .removeHeaders("*");

        // The page's records, each a message of its own, and their results aggregated back into
        // one list. No error handler: a record's failure is a rejected record, which the step
        // returns itself, and the resource route's handler redelivers fetches only; per record it
        // cost a tenth of a full sync's time (figure (a)).
        // No stream caching: its bodies are records already read, and the check ran per record.
        from("direct:lms-map-page").routeId("lms-map-page")
                .streamCache("false")
                .errorHandler(noErrorHandler())
                .split(body()).aggregationStrategy("lmsSyncPageAssembler")
                    .process("lmsSyncRecordProcessor")
                .end();
    }
}
