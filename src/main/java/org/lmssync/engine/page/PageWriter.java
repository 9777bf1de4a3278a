package org.lmssync.engine.page;

import org.lmssync.engine.run.Counters.Counter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.lmssync.engine.http.Urls;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.resource.Strategy;
import org.lmssync.engine.run.Counters;
import org.lmssync.engine.run.Lane;
import org.lmssync.engine.run.Listing;
import org.lmssync.engine.run.RecordResult;
import org.lmssync.engine.run.ResourceRun;
import org.lmssync.engine.run.ResourceSync;
import org.lmssync.engine.run.RunLease;
import org.lmssync.engine.run.RunLog;
import org.lmssync.engine.run.RunObserver;
import org.lmssync.engine.run.Scope;
import org.lmssync.engine.run.StateStore;
import org.lmssync.engine.run.TableWriter;
import org.lmssync.engine.run.Times;
import org.lmssync.store.Leases;
import org.lmssync.store.SyncDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one page in ONE transaction: the append of new and changed rows, the scoped dedupe, the
 * touch of unchanged rows, the error rows, the resume point and (after the last page of a complete
 * listing) the deletion marking. Either all of it commits or none of it does.
 */
public final class PageWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PageWriter.class);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SyncDatabase db;
    private final ExecutorService writer;
    private final DeletionMarker deletions;
    private final RunObserver observer;
    private final RunLease lease;

    /**
     * @param writer the DB's writer thread: pages of every listing are committed there, one at a
     *               time, while their listings fetch on
     */
    public PageWriter(SyncDatabase db, ResourceCatalog catalog, int deleteGuardPercent, ExecutorService writer,
                      RunObserver observer, RunLease lease) {
        this.lease = lease;
        this.observer = observer;
        this.db = db;
        this.writer = writer;
        this.deletions = new DeletionMarker(catalog, deleteGuardPercent);
    }

    /**
     * Writes the page the exchange holds. A page with a next page (and no watermark stop in it)
     * is handed to the DB's writer thread and the listing fetches its next page meanwhile; the
     * last page of a listing, which may mark deletions or start a deletion check, is written
     * here. Pages of one listing commit in order, at most one waiting, so memory stays flat and
     * a crash refetches at most one page per listing.
     */
    @Handler
    @SuppressWarnings("unchecked")
    public void write(Exchange exchange) throws SQLException {
        ResourceRun run = exchange.getProperty(ResourceSync.RUN, ResourceRun.class);
        Listing listing = exchange.getProperty(ResourceSync.LISTING, Listing.class);
        Lane lane = exchange.getProperty(ResourceSync.LANE, Lane.class);
        List<RecordResult> body = exchange.getMessage().getBody(List.class);
        List<RecordResult> results = body == null ? List.of() : body;
        listing.awaitWrite();
        if (!listing.checking() && reachesWatermark(listing, results)) {
            listing.stopEarly();
        }
        Page page = new Page(results, listing.currentUrl(), listing.nextUrl());
        if (page.next() != null && !listing.checking()) {
            listing.writing(writer.submit(() -> {
                commit(run, lane, listing, page);
                return null;
            }));
        } else {
            commit(run, lane, listing, page);
        }
        progress(run, listing);
    }

    /** What a page's commit needs, fixed when it was read: its URL and the next page's. */
    private record Page(List<RecordResult> results, String url, String next) {
    }

    private void commit(ResourceRun run, Lane lane, Listing listing, Page page) throws SQLException {
        long started = System.nanoTime();
        db.write(c -> {
            try {
                // the page is the unit of fencing: a node that lost the LMS's lease commits nothing
                lease.confirm(c, run.lmsRun().lms());
                write(c, run, lane, listing, page);
            } catch (SQLException | RuntimeException e) {
                // inside the transaction: another lane's page may use these statements next
                TableWriter statements = run.writer;
                if (statements != null) {
                    statements.clearBatches();
                }
                if (e instanceof Leases.LeaseLost) {
                    // another process syncs this LMS now: every listing of this run stops
                    run.lmsRun().stop().stop();
                }
                throw e;
            }
        });
        observer.pageCommitted(run, System.nanoTime() - started);
    }

    /** A newest-first listing stops at the first record older than the stored watermark. */
    private static boolean reachesWatermark(Listing listing, List<RecordResult> results) {
        if (listing.stopAtWatermark() == null || listing.nextUrl() == null) {
            return false;
        }
        for (RecordResult r : results) {
            if (r instanceof RecordResult.Accepted a && a.watermark() != null
                    && a.watermark().compareTo(listing.stopAtWatermark()) < 0) {
                return true;
            }
        }
        return false;
    }

    private void write(Connection c, ResourceRun run, Lane lane, Listing listing, Page page) throws SQLException {
        ResourceDefinition def = run.definition();
        Counters n = run.counters();
        long runId = run.lmsRun().runId();
        String now = Times.now();
        String url = Urls.withoutQuery(page.url());
        List<RecordResult> results = page.results();
        long rejected = 0;
        for (RecordResult r : results) {
            if (r instanceof RecordResult.Rejected bad) {
                RunLog.error(c, runId, def.lms(), def.name(), listing.scope().key(), url, bad.reason(), bad.payload());
                n.inc(Counter.ERRORS);
                rejected++;
            }
        }
        listing.rejected(rejected);
        if (listing.checking()) {
            retireSeen(run, listing, results, now);
        } else {
            store(run, listing, results, now);
        }
        n.inc(Counter.PAGES);
        listing.pages++;
        if (page.next() == null && listing.failure() != null) {
            RunLog.error(c, runId, def.lms(), def.name(), listing.scope().key(), url, listing.failure(), null);
            n.inc(Counter.ERRORS);
        }
        TableWriter t = statements(run);
        t.writeState(def.lms(), def.name(), listing.scope().stateKey(), nextState(c, run, lane, listing, page, now), now);
        t.recordProgress(runId, def.name(), n);
    }

    /** The resource run's prepared statements, or the rollback of a page that waited past its resource's end. */
    private static TableWriter statements(ResourceRun run) throws SQLException {
        TableWriter t = run.writer;
        if (t == null) {
            // a stop ended the resource (and closed its statements) while this page waited to commit:
            // it rolls back, and its listing resumes from this page next run
            throw new SQLException(run.definition().key() + ": the resource ended before this page could be stored");
        }
        return t;
    }

    /** A page of a normal listing: append new and changed rows, dedupe, touch the unchanged. */
    private static void store(ResourceRun run, Listing listing, List<RecordResult> results, String now) throws SQLException {
        Scope scope = listing.scope();
        Counters n = run.counters();
        long runId = run.lmsRun().runId();

        // Last one wins when a page repeats an identity.
        Map<List<String>, RecordResult.Accepted> page = new LinkedHashMap<>();
        for (RecordResult r : results) {
            if (r instanceof RecordResult.Accepted a) {
                page.put(a.identity(), a);
                listing.seenWatermark(a.watermark());
            }
        }

        TableWriter t = statements(run);
        long before = t.maxRowid();
        boolean inserted = false;
        boolean replaced = false;
        Map<List<String>, TableWriter.Existing> stored = t.find(page.keySet());
        for (RecordResult.Accepted a : page.values()) {
            TableWriter.Existing old = stored.get(a.identity());
            if (old == null) {
                t.addInsert(a, scope.key(), now, now, now, runId);
                inserted = true;
                n.inc(Counter.INSERTED);
            } else if (!old.hash().equals(a.hash())) {
                t.addInsert(a, scope.key(), old.createDate(), now, now, runId);
                inserted = true;
                replaced = true;
                n.inc(Counter.UPDATED);
            } else {
                t.addTouch(old.rowid(), scope.key(), a.asOfDate(), now, runId);
                if (old.deletedAt() != null) {
                    n.inc(Counter.UPDATED);
                } else {
                    n.inc(Counter.UNCHANGED);
                }
            }
        }
        t.flush(inserted, replaced, before);
        n.add(Counter.RECORDS, results.size());
        listing.records += results.size();
    }

    /**
     * A page of the deletion-check listing ({@code deletionCheckQuery}): nothing is stored; live rows
     * of the scope that the complete listing did not see but this one does are marked retired.
     */
    private static void retireSeen(ResourceRun run, Listing listing, List<RecordResult> results, String now)
            throws SQLException {
        for (RecordResult r : results) {
            if (r instanceof RecordResult.Accepted a && run.writer.retireIfUnseen(a.identity(), listing.scope().key(),
                    listing.passRunId(), run.lmsRun().runId(), now)) {
                listing.retired++;
            }
        }
    }

    /** The sync_state row after this page; finishing a listing moves watermark, dates and deletions. */
    private StateStore.State nextState(Connection c, ResourceRun run, Lane lane, Listing l, Page page, String now)
            throws SQLException {
        ResourceDefinition def = run.definition();
        Scope scope = l.scope();
        String ws = scope.window() == null ? null : scope.window().start().toString();
        String we = scope.window() == null ? null : scope.window().end().toString();
        if (page.next() != null && l.checking()) {
            // A deletion check is not resumed: a run stopped during it lists the scope again next time
            // (no pass run id, so a resuming run does not take the listing for finished).
            return StateStore.State.cleared();
        }
        if (page.next() != null) {
            return new StateStore.State(page.next(), l.passRunId(), l.fullPass(), ws, we, l.pendingWatermark(), null, null, null,
                    l.rejected());
        }
        if (l.failure() != null) {
            // A listing that did not end normally (a paging loop) moves nothing and marks nothing.
            return StateStore.State.cleared();
        }
        String fullPassAt = null;
        boolean clean = l.rejected() == 0;
        if (l.complete() && l.fullPass() && !clean) {
            // A record it could not store may be any of the rows it seems to lack: infer nothing.
            String warning = def.key() + scope.describe() + ": " + l.rejected() + " record(s) of this " + (l.checking()
                    ? "deletion check" : "listing") + " could not be stored (see sync_errors), so no rows are marked deleted"
                    + " in this scope until a complete listing stores every record";
            LOG.warn(warning);
        }
        if (clean && l.complete() && l.fullPass() && !l.checking() && !def.deletionCheckQuery().isEmpty()
                && run.writer.hasUnseen(scope.key(), l.passRunId())) {
            // Rows this listing lacks may only be hidden by the listing's filter: list again with the
            // check query before marking any of them deleted (not needed when it lacks none).
            l.startDeletionCheck(def.deletionCheckQuery());
            return StateStore.State.cleared();
        }
        if (clean && l.complete() && l.fullPass()) {
            if (l.checking() && l.retired > 0) {
                LOG.debug("{}{}: {} rows missing from the listing are in its deletion check: marked retired, not deleted",
                        def.key(), scope.describe(), l.retired);
            }
            DeletionMarker.Outcome out = deletions.mark(c, def, scope.key(), l.passRunId(), now);
            run.counters().add(Counter.DELETED, out.deleted());
            if (out.guardWarning() != null) {
                LOG.warn(out.guardWarning());
                RunLog.error(c, run.lmsRun().runId(), def.lms(), def.name(), scope.key(), null, out.guardWarning(), null);
                run.counters().inc(Counter.ERRORS);
            }
            fullPassAt = now;
        }
        String lastAsOf = null;
        if (scope.window() != null) {
            if (l.partialData()) {
                lane.holdDate();
                LOG.debug("{}{}: the API marks this data partial or not yet available; it will be fetched again next run",
                        def.key(), scope.describe());
            } else if (!lane.dateHeld()) {
                lastAsOf = we;
            }
        }
        String watermark = def.strategy() == Strategy.WATERMARK ? l.pendingWatermark() : null;
        return new StateStore.State(null, l.passRunId(), false, null, null, null, watermark, lastAsOf, fullPassAt, 0);
    }

    private static void progress(ResourceRun run, Listing l) {
        long now = System.nanoTime();
        if (now - run.lastProgressNanos < PROGRESS_EVERY_NANOS) {
            return;
        }
        double secs = Math.max(1e-3, (now - l.startedNanos) / 1e9);
        Counters n = run.counters();
        LOG.debug("{}{}: {} pages, {} records, {} rec/s; throttled {} times, {} ms waited",
                run.definition().key(), l.scope().describe(), l.pages, l.records, Math.round(l.records / secs),
                n.get(Counter.THROTTLED), n.get(Counter.THROTTLE_WAIT_MS));
        run.lastProgressNanos = now;
    }
}
