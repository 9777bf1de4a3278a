package org.lmssync.engine.run;

import org.lmssync.engine.run.Counters.Counter;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.lmssync.config.EngineConfig;
import org.lmssync.engine.http.Redactor;
import org.lmssync.engine.http.Urls;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.resource.Strategy;
import org.lmssync.engine.spi.LmsRegistry;
import org.lmssync.store.SyncDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the {@code lms-sync-resource} route template around the page loop: plan the
 * scopes, open each listing (fresh or from its stored resume point), finish or fail the resource.
 */
public final class ResourceSync {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceSync.class);
    public static final String RUN = "lmsResourceRun";
    /** The listing of the scope an exchange of the scope split works on. */
    public static final String LISTING = "lmsListing";
    /** The scope an exchange of the scope split works on (set before its listing opens). */
    public static final String SCOPE = "lmsScope";
    /** The lane (listings sharing one state row) an exchange of the split runs. */
    public static final String LANE = "lmsLane";
    /** The resource a route of the template syncs, {@code <lms>/<resource>}: set from its parameters. */
    public static final String RESOURCE = "lmsResource";

    private final SyncDatabase db;
    private final ResourceCatalog catalog;
    private final LmsRegistry registry;
    private final EngineConfig config;
    private final ScopePlanner planner;
    private final Supplier<LocalDate> today;
    private final Redactor redactor;
    private final RunObserver observer;

    public ResourceSync(SyncDatabase db, ResourceCatalog catalog, LmsRegistry registry, EngineConfig config,
                        Supplier<LocalDate> today, Redactor redactor, RunObserver observer) {
        this.observer = observer;
        this.db = db;
        this.catalog = catalog;
        this.registry = registry;
        this.config = config;
        this.planner = new ScopePlanner(catalog, config);
        this.today = today;
        this.redactor = redactor;
    }

    public void begin(Exchange exchange) throws SQLException {
        ResourceDefinition def = catalog.byKey(exchange.getProperty(RESOURCE, String.class));
        LmsRun lmsRun = exchange.getProperty(SyncRunner.RUN, LmsRun.class);
        if (lmsRun == null) {
            throw new IllegalStateException("route " + def.routeId() + " runs inside an LMS run (direct:lms-sync)");
        }
        ResourceRun run = db.inTransaction(c -> {
            RunLog.startResource(c, lmsRun.runId(), def.name());
            List<Scope> scopes = lmsRun.abortReason() == null ? planner.plan(c, def, today.get(), lmsRun.resumes()) : List.of();
            ResourceRun r = new ResourceRun(def, lmsRun, registry.get(def.lms()), scopes, lmsRun.stop(),
                    config.maxFailedListingsInARow());
            r.writer = new TableWriter(c, def);
            return r;
        });
        exchange.setProperty(RUN, run);
        exchange.getMessage().setBody(run.pending());
        observer.resourceStarted(run);
        if (lmsRun.abortReason() != null) {
            run.fail("skipped: " + lmsRun.abortReason());
            return;
        }
        LOG.debug("{}: {} listing(s) to run ({})", def.key(), run.scopeCount(), def.strategy().name().toLowerCase());
    }

    /** The first step of each listing of a lane: opens it, fresh or from the stored resume point. */
    public void openScope(Exchange exchange) throws SQLException {
        ResourceRun run = exchange.getProperty(RUN, ResourceRun.class);
        ResourceDefinition def = run.definition();
        Lane lane = exchange.getProperty(LANE, Lane.class);
        Scope scope = lane.take();
        exchange.setProperty(SCOPE, scope);
        exchange.removeProperty(LISTING);
        StateStore.State[] states = db.inTransaction(c -> new StateStore.State[] {
            StateStore.read(c, def.lms(), def.name(), scope.stateKey()),
            scope.variant() == null ? null : StateStore.read(c, def.lms(), def.name(), scope.key())});
        StateStore.State st = states[0];
        boolean variant = scope.variant() != null;
        boolean resumable = st.nextPage() != null && st.passRunId() != null
                && (scope.window() == null || scope.window().start().toString().equals(st.windowStart()));
        boolean fullPass = switch (def.strategy()) {
            case FULL -> true;
            case BY_DATE -> false;
            case WATERMARK -> !variant && (resumable ? st.passFull() : ScopePlanner.fullPassDue(st, config.fullRefreshDays()));
        };
        String watermark = st.watermark();
        if (variant) {
            // The plain listing's full passes move the scope's watermark; a variant keeps its own too.
            String base = states[1].watermark();
            watermark = watermark == null || base != null && base.compareTo(watermark) > 0 ? base : watermark;
        }
        Map<String, String> values = new HashMap<>(scope.parentValues());
        if (scope.window() != null) {
            values.put("date", scope.window().start().toString());
            values.put("start", scope.window().start().toString());
            values.put("end", scope.window().end().toString());
        }
        if (!fullPass && watermark != null) {
            values.put("watermark", watermark);
        }
        int pageSize = def.pageSize() != null ? def.pageSize() : run.lms().config().pageSize();
        String url = def.expand(values, variant ? def.incrementalQueries().get(scope.variant()) : Map.of());
        String first = def.paging().firstPage(url, def.pageSizeParam(), pageSize);
        // Newest-first listings stop at the watermark; filtered (variant) listings need no stop.
        String stopAt = def.strategy() == Strategy.WATERMARK && !fullPass && !variant ? watermark : null;
        Listing listing = new Listing(scope, first, resumable ? st.nextPage() : null,
                resumable ? st.passRunId() : run.lmsRun().runId(), fullPass, stopAt,
                resumable ? st.pendingWatermark() : null, resumable ? st.passRejected() : 0, run.lmsRun().stop());
        exchange.setProperty(LISTING, listing);
        observer.listingStarted(run, listing);
        if (resumable) {
            LOG.debug("{}{}: resuming an unfinished listing from its stored page", def.key(), scope.describe());
        }
    }

    /** The last step of each listing of a lane: how its listing ended, for the resource's outcome. */
    public void closeScope(Exchange exchange) throws SQLException {
        ResourceRun run = exchange.getProperty(RUN, ResourceRun.class);
        Listing l = exchange.getProperty(LISTING, Listing.class);
        // a stop ends the page loop with a page still being committed: it commits first
        l.awaitWrite();
        observer.listingEnded(run, l);
        if (l.failure() != null) {
            // the page that found the failure (a paging loop) recorded it; the other scopes go on
            exchange.getProperty(LANE, Lane.class).end();
            run.scopeFailed(l.failure());
            LOG.error("{}{}: failed: {}", run.definition().key(), l.scope().describe(), l.failure());
            return;
        }
        if (l.hasNext()) {
            run.markInterrupted();
        } else {
            run.scopeSucceeded();
        }
        LOG.debug("{}{}: {} pages, {} records{}", run.definition().key(), l.scope().describe(), l.pages, l.records,
                l.complete() ? "" : l.nextUrl() == null ? " (stopped at the watermark)" : " (interrupted; resumes next run)");
    }

    /**
     * Ends the resource once, whatever path gets here (the route's last step, or the error handler
     * after a failure outside any listing): its totals and status are written and passed to the
     * LMS run. Never throws: a failure to record the end fails the resource, not the LMS's run.
     */
    public void finish(Exchange exchange) {
        ResourceRun run = exchange.getProperty(RUN, ResourceRun.class);
        if (run == null || !run.markFinished()) {
            return;
        }
        exchange.removeProperty(RUN);
        if (run.lmsRun().stop().isStopping() && run.notStarted() > 0) {
            run.markInterrupted();
        }
        try {
            db.write(c -> RunLog.resourceProgress(c, run.lmsRun().runId(), run.definition().name(), run.counters(),
                    run.status(), run.error(), true));
        } catch (SQLException | RuntimeException e) {
            run.fail("cannot record the end of the resource: " + redactor.redact(HttpRetry.describe(e)));
            LOG.error("{}: {}", run.definition().key(), run.failure());
        } finally {
            closeWriter(run);
            LmsRun lmsRun = run.lmsRun();
            lmsRun.totals().add(run.counters());
            RunResult.Resource result = new RunResult.Resource(run.definition().name(), run.status(), run.error(),
                    run.counters().asMap());
            lmsRun.resourceDone(result);
            if (run.status().equals("failed")) {
                lmsRun.failures().add(run.definition().name() + ": " + run.error());
            } else if (run.interrupted()) {
                lmsRun.markInterrupted();
            }
            Counters n = run.counters();
            LOG.info("{}: {} — {} records, {} inserted, {} updated, {} unchanged, {} deleted, {} errors; {} requests, {} throttled",
                    run.definition().key(), run.status(), n.get(Counter.RECORDS), n.get(Counter.INSERTED), n.get(Counter.UPDATED), n.get(Counter.UNCHANGED), n.get(Counter.DELETED), n.get(Counter.ERRORS),
                    n.get(Counter.REQUESTS), n.get(Counter.THROTTLED));
            observer.resourceFinished(run, result);
        }
    }

    private static void closeWriter(ResourceRun run) {
        try {
            if (run.writer != null) {
                run.writer.close();
            }
        } catch (SQLException ignored) {
            // the statements die with the connection
        }
        run.writer = null;
    }

    /**
     * The shared error handler's last step. Inside a listing, the listing's scope fails (its
     * resume point stays, so the next run asks for the same page again) and the resource goes on
     * with its other scopes; outside one, the resource fails with one clear line. The run goes on.
     */
    public void failed(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        HttpRetry.Decision d = exchange.getProperty(HttpRetry.DECISION, HttpRetry.Decision.class);
        String message = redactor.redact(d != null ? d.reason() : HttpRetry.describe(t));
        ResourceRun run = exchange.getProperty(RUN, ResourceRun.class);
        if (run == null) {
            String routeId = currentRoute(exchange);
            LmsRun lmsRun = exchange.getProperty(SyncRunner.RUN, LmsRun.class);
            LOG.error("{}: failed before its first request: {}", routeId, message);
            if (lmsRun != null) {
                lmsRun.failures().add(routeId + ": " + message);
            }
            return;
        }
        Scope scope = exchange.getProperty(SCOPE, Scope.class);
        Lane lane = exchange.getProperty(LANE, Lane.class);
        if (lane != null) {
            lane.end();
        }
        if (scope == null) {
            run.fail(message);
            LOG.error("{}: failed: {}", run.definition().key(), message);
            finish(exchange);
            return;
        }
        Listing listing = exchange.getProperty(LISTING, Listing.class);
        if (listing != null) {
            observer.listingEnded(run, listing);
            try {
                // the page before the failing one may still be committing: let it land first
                listing.awaitWrite();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("{}{}: the page before the failure could not be committed either: {}", run.definition().key(),
                        scope.describe(), redactor.redact(HttpRetry.describe(e)));
            }
        }
        if (run.lmsRun().stop().isStopping() && d != null && d.retry()) {
            // Redelivery was cut short by a stop request: the page resumes next run.
            run.markInterrupted();
            LOG.info("{}{}: stopping; the listing resumes next run", run.definition().key(), scope.describe());
            return;
        }
        if (d != null && d.endsResource()) {
            run.fail(message);
        } else if (d != null && d.credentialsRejected()) {
            run.fail(message);
            run.lmsRun().abort("the " + run.definition().lms() + " credentials were rejected (by " + run.definition().key() + ")");
        } else {
            run.scopeFailed(message);
        }
        LOG.error("{}{}: failed: {}", run.definition().key(), scope.describe(), message);
        String url = listing == null || listing.currentUrl() == null ? null : Urls.withoutQuery(listing.currentUrl());
        run.counters().inc(Counter.ERRORS);
        try {
            db.write(c -> RunLog.error(c, run.lmsRun().runId(), run.definition().lms(), run.definition().name(), scope.key(),
                    url, message, null));
        } catch (SQLException | RuntimeException e) {
            LOG.error("{}{}: the failure could not be recorded in sync_errors: {}", run.definition().key(), scope.describe(),
                    redactor.redact(HttpRetry.describe(e)));
        }
    }

    /** The route this step runs in (not the route that created the exchange). */
    private static String currentRoute(Exchange exchange) {
        org.apache.camel.Route route = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getRoute();
        return route != null ? route.getRouteId() : exchange.getFromRouteId();
    }
}
