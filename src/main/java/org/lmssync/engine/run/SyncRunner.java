package org.lmssync.engine.run;

import org.lmssync.engine.run.Counters.Counter;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.lmssync.engine.http.Redactor;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.spi.LmsRegistry;
import org.lmssync.store.Schema;
import org.lmssync.store.SyncDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the {@code lms-sync} route: open a run of one LMS (skipped if that LMS is still
 * syncing), list its resources in dependency order, and close the run with its totals.
 */
public final class SyncRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);
    public static final String RUN = "lmsRun";
    public static final String LMS_HEADER = "lmsName";

    private final SyncDatabase db;
    private final ResourceCatalog catalog;
    private final LmsRegistry registry;
    private final String command;
    private final Map<String, List<String>> selected;
    private final Redactor redactor;
    private final RunObserver observer;
    private final RunLease lease;
    /** The runs in progress, by LMS: what {@link #cancel} and {@link #stopAll} reach. */
    private final Map<String, LmsRun> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /**
     * @param selected per LMS, the resources to sync (from {@code lms.<lms>.resources}); absent = all
     */
    public SyncRunner(SyncDatabase db, ResourceCatalog catalog, LmsRegistry registry, String command,
                      Map<String, List<String>> selected, Redactor redactor, RunObserver observer, RunLease lease) {
        this.lease = lease;
        this.redactor = redactor;
        this.observer = observer;
        this.db = db;
        this.catalog = catalog;
        this.registry = registry;
        this.command = command;
        this.selected = selected;
    }

    /**
     * Opens a run of the LMS named by the {@code name} header (or the body) and returns the
     * endpoints of its resources in dependency order, as {@link #stages}; an empty list when that
     * LMS is still syncing or the engine is stopping (the reply then says {@code skipped}).
     */
    public List<List<List<String>>> begin(Exchange exchange) throws SQLException {
        String header = exchange.getMessage().getHeader(LMS_HEADER, String.class);
        String name = header != null ? header : exchange.getMessage().getBody(String.class);
        exchange.setProperty(LMS_HEADER, name);
        LmsRegistry.Lms lms = registry.get(name);
        if (stopping) {
            LOG.info("{}: lms-sync is stopping; no new run starts", name);
            return List.of();
        }
        if (!lms.running().tryAcquire()) {
            LOG.warn("{}: the previous sync is still running; this trigger is skipped", name);
            return List.of();
        }
        boolean leased = false;
        try {
            // before anything is written: another node may be syncing this LMS (PostgreSQL)
            leased = lease.acquire(name);
            if (!leased) {
                lms.running().release();
                return List.of();
            }
            List<ResourceDefinition> resources = new ArrayList<>();
            db.write(c -> {
                for (ResourceDefinition d : catalog.inOrder(name)) {
                    // Every table exists before any listing, so cascades can reach children not yet synced.
                    Schema.createResourceTable(c, d.table(), d.identityColumns());
                    List<String> only = selected.get(name);
                    if (only == null || only.contains(d.name())) {
                        resources.add(d);
                    }
                }
            });
            LmsRun run = db.inTransaction(c -> {
                RunLog.closeAbandonedRuns(c, name);
                long runId = RunLog.startRun(c, name, command);
                return new LmsRun(runId, name, RunLog.interruptedChain(c, name, runId));
            });
            exchange.setProperty(RUN, run);
            lease.keep(name, run.stop());
            active.put(name, run);
            lms.budget().clearPause();
            if (stopping) {
                run.stop().stop();
            }
            LOG.info("{}: run {} started: {}{}", name, run.runId(), resources.stream().map(ResourceDefinition::name).toList(),
                    run.resumes().isEmpty() ? "" : "; it resumes interrupted run(s) " + new java.util.TreeSet<>(run.resumes()));
            observer.runStarted(name, run.runId(), resources.stream().map(ResourceDefinition::name).toList());
            return stages(resources, lms.config().concurrency()).stream()
                    .map(stage -> stage.stream().map(chain -> chain.stream().map(d -> "direct:" + d.routeId()).toList()).toList())
                    .toList();
        } catch (SQLException | RuntimeException e) {
            if (exchange.getProperty(RUN) == null) {
                // else finish closes the run and releases both
                if (leased) {
                    lease.release(name);
                }
                lms.running().release();
            }
            throw e;
        }
    }

    /**
     * The resources of a run as chains that may run side by side: each root resource with its
     * descendants, in dependency order. A child only ever needs its own ancestors (its scopes, the
     * cascades of their deletions), so two chains share nothing but the LMS's budget and its pool
     * of {@code concurrency} listings; a root resource of one long listing (Canvas users, Google
     * usage) then no longer holds up every other listing. With {@code concurrency=1}: one chain,
     * the order of earlier versions.
     */
    List<List<ResourceDefinition>> chains(List<ResourceDefinition> resources, int concurrency) {
        if (resources.isEmpty()) {
            return List.of();
        }
        if (concurrency <= 1) {
            return List.of(resources);
        }
        Map<String, List<ResourceDefinition>> byRoot = new java.util.LinkedHashMap<>();
        for (ResourceDefinition d : resources) {
            byRoot.computeIfAbsent(catalog.root(d).name(), k -> new ArrayList<>()).add(d);
        }
        return List.copyOf(byRoot.values());
    }

    /**
     * The {@link #chains} in two stages run one after the other: the run's first resource alone,
     * then every chain side by side (the first without it). The first resource's requests are the
     * first the LMS sees: when it rejects the credentials, the run is aborted before any other
     * chain has sent a request (one rejected request, not one per chain).
     */
    List<List<List<ResourceDefinition>>> stages(List<ResourceDefinition> resources, int concurrency) {
        List<List<ResourceDefinition>> chains = chains(resources, concurrency);
        if (chains.size() <= 1) {
            return chains.isEmpty() ? List.of() : List.of(chains);
        }
        List<List<ResourceDefinition>> rest = new ArrayList<>(chains);
        List<ResourceDefinition> first = rest.remove(0);
        if (first.size() > 1) {
            rest.add(0, first.subList(1, first.size()));
        }
        return List.of(List.of(List.of(first.get(0))), List.copyOf(rest));
    }

    /**
     * The {@code doCatch} of the run: something escaped a resource route (which handles its own
     * failures, so this is a defect or a broken DB). The run is failed with it; the next resources
     * of the split are not run, and {@link #finish} still closes the run.
     */
    public void failed(Exchange exchange) {
        LmsRun run = exchange.getProperty(RUN, LmsRun.class);
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String message = "unexpected failure: " + redactor.redact(HttpRetry.describe(t));
        LOG.error("{}: {}", run == null ? "lms-sync" : run.lms(), message, t);
        if (run != null) {
            run.failures().add(message);
        }
    }

    /**
     * The {@code doFinally} of the run: records its status and totals and releases the LMS, whatever
     * happened before, so the next trigger of that LMS runs.
     */
    public void finish(Exchange exchange) {
        LmsRun run = exchange.getProperty(RUN, LmsRun.class);
        if (run == null) {
            RunResult skipped = RunResult.skipped(exchange.getProperty(LMS_HEADER, String.class));
            exchange.getMessage().setBody(skipped);
            observer.runFinished(skipped, false);
            return;
        }
        try {
            db.write(c -> RunLog.finishRun(c, run));
            Counters n = run.totals();
            LOG.info("{}: run {} {} — {} requests ({} retries, {} throttled, {} ms waited), {} records: {} inserted, {} updated,"
                            + " {} unchanged, {} deleted, {} errors", run.lms(), run.runId(), run.status(), n.get(Counter.REQUESTS), n.get(Counter.RETRIES),
                    n.get(Counter.THROTTLED), n.get(Counter.RETRY_WAIT_MS), n.get(Counter.RECORDS), n.get(Counter.INSERTED), n.get(Counter.UPDATED), n.get(Counter.UNCHANGED), n.get(Counter.DELETED), n.get(Counter.ERRORS));
        } catch (SQLException | RuntimeException e) {
            run.failures().add("cannot record the end of the run: " + redactor.redact(HttpRetry.describe(e)));
            LOG.error("{}: run {} failed, and its end could not be recorded: {}", run.lms(), run.runId(),
                    redactor.redact(HttpRetry.describe(e)));
        } finally {
            active.remove(run.lms(), run);
            exchange.removeProperty(RUN);
            lease.release(run.lms());
            RunResult result = run.result();
            exchange.getMessage().setBody(result);
            registry.get(run.lms()).running().release();
            observer.runFinished(result, run.credentialsRejected());
        }
    }

    /**
     * Asks the LMS's run in progress, if any, to stop after the page in flight commits (it ends
     * {@code interrupted} and the next run resumes it). Returns whether a run was asked.
     */
    public boolean cancel(String lms) {
        LmsRun run = active.get(lms);
        if (run != null) {
            run.stop().stop();
        }
        return run != null;
    }

    /** Stops every run in progress and refuses new ones: the engine is shutting down. */
    public void stopAll() {
        stopping = true;
        active.values().forEach(r -> r.stop().stop());
    }

}
