package org.lmssync.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.lmssync.config.EngineConfig;
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

    private final SyncDatabase db;
    private final ResourceCatalog catalog;
    private final LmsRegistry registry;
    private final EngineConfig config;
    private final StopSignal stop;
    private final ScopePlanner planner;
    private final Supplier<LocalDate> today;
    private final Redactor redactor;

    public ResourceSync(SyncDatabase db, ResourceCatalog catalog, LmsRegistry registry, EngineConfig config,
                        StopSignal stop, Supplier<LocalDate> today, Redactor redactor) {
        this.db = db;
        this.catalog = catalog;
        this.registry = registry;
        this.config = config;
        this.stop = stop;
        this.planner = new ScopePlanner(catalog, config);
        this.today = today;
        this.redactor = redactor;
    }

    public void begin(Exchange exchange) throws SQLException {
        ResourceDefinition def = catalog.byRouteId(currentRoute(exchange));
        LmsRun lmsRun = exchange.getProperty(SyncRunner.RUN, LmsRun.class);
        if (lmsRun == null) {
            throw new IllegalStateException("route " + def.routeId() + " runs inside an LMS run (direct:lms-sync)");
        }
        Connection c = db.writer();
        RunLog.startResource(c, lmsRun.runId(), def.name());
        List<Scope> scopes = lmsRun.abortReason() == null ? planner.plan(c, def, today.get(), lmsRun.resumes()) : List.of();
        ResourceRun run = new ResourceRun(def, lmsRun, registry.get(def.lms()), scopes, stop);
        run.writer = new TableWriter(c, def);
        c.commit();
        exchange.setProperty(RUN, run);
        if (lmsRun.abortReason() != null) {
            run.fail("skipped: " + lmsRun.abortReason());
            return;
        }
        LOG.info("{}: {} listing(s) to run ({})", def.key(), scopes.size(), def.strategy().name().toLowerCase());
    }

    public void openScope(Exchange exchange) throws SQLException {
        ResourceRun run = exchange.getProperty(RUN, ResourceRun.class);
        ResourceDefinition def = run.definition();
        Scope scope = run.takeScope();
        Connection c = db.writer();
        StateStore.State st = StateStore.read(c, def.lms(), def.name(), scope.stateKey());
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
            String base = StateStore.read(c, def.lms(), def.name(), scope.key()).watermark();
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
                resumable ? st.pendingWatermark() : null);
        run.listing(listing);
        if (resumable) {
            LOG.info("{}{}: resuming an unfinished listing from its stored page", def.key(), scope.describe());
        }
    }

    /** Logs the end of a listing; called by the template after each scope's page loop. */
    public void closeScope(Exchange exchange) {
        ResourceRun run = exchange.getProperty(RUN, ResourceRun.class);
        Listing l = run.listing();
        if (l != null && run.failure() == null) {
            LOG.info("{}{}: {} pages, {} records{}", run.definition().key(), l.scope().describe(), l.pages, l.records,
                    l.complete() ? "" : l.nextUrl() == null ? " (stopped at the watermark)" : " (interrupted; resumes next run)");
        }
    }

    public void finish(Exchange exchange) throws SQLException {
        ResourceRun run = exchange.getProperty(RUN, ResourceRun.class);
        if (run == null) {
            return;
        }
        Connection c = db.writer();
        try {
            if (run.writer != null) {
                run.writer.close();
                run.writer = null;
            }
            RunLog.resourceProgress(c, run.lmsRun().runId(), run.definition().name(), run.counters(), run.status(),
                    run.failure(), true);
            c.commit();
        } finally {
            LmsRun lmsRun = run.lmsRun();
            lmsRun.totals().add(run.counters());
            if (run.failure() != null) {
                lmsRun.failures().add(run.definition().name() + ": " + run.failure());
            } else if (run.interrupted()) {
                lmsRun.markInterrupted();
            }
            Counters n = run.counters();
            LOG.info("{}: {} — {} records, {} inserted, {} updated, {} unchanged, {} deleted, {} errors; {} requests, {} throttled",
                    run.definition().key(), run.status(), n.records, n.inserted, n.updated, n.unchanged, n.deleted, n.errors,
                    n.requests, n.throttled);
            exchange.removeProperty(RUN);
        }
    }

    /** The shared error handler's last step: the resource fails with one clear line; the run goes on. */
    public void failed(Exchange exchange) throws SQLException {
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
        if (stop.isStopping() && run.failure() == null && d != null && d.retry()) {
            // Redelivery was cut short by a stop request: the page resumes next run.
            run.listing().stopEarly();
            LOG.info("{}: stopping; the listing resumes next run", run.definition().key());
            finish(exchange);
            return;
        }
        run.fail(message);
        if (d != null && d.credentialsRejected()) {
            run.lmsRun().abort("the " + run.definition().lms() + " credentials were rejected (by " + run.definition().key() + ")");
        }
        LOG.error("{}{}: failed: {}", run.definition().key(), run.listing() == null ? "" : run.listing().scope().describe(), message);
        Connection c = db.writer();
        c.rollback();
        String url = run.listing() == null || run.listing().currentUrl() == null ? null : Urls.withoutQuery(run.listing().currentUrl());
        RunLog.error(c, run.lmsRun().runId(), run.definition().lms(), run.definition().name(),
                run.listing() == null ? null : run.listing().scope().key(), url, message, null);
        run.counters().errors++;
        c.commit();
        finish(exchange);
    }

    /** The route this step runs in (not the route that created the exchange). */
    private static String currentRoute(Exchange exchange) {
        org.apache.camel.Route route = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getRoute();
        return route != null ? route.getRouteId() : exchange.getFromRouteId();
    }
}
