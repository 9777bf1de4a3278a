package org.lmssync.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
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
    private final DeletionMarker deletions;

    public PageWriter(SyncDatabase db, ResourceCatalog catalog, int deleteGuardPercent) {
        this.db = db;
        this.deletions = new DeletionMarker(catalog, deleteGuardPercent);
    }

    @Handler
    @SuppressWarnings("unchecked")
    public void write(Exchange exchange) throws SQLException {
        ResourceRun run = exchange.getProperty(ResourceSync.RUN, ResourceRun.class);
        Listing listing = exchange.getProperty(ResourceSync.LISTING, Listing.class);
        List<RecordResult> results = exchange.getMessage().getBody(List.class);
        try {
            db.write(c -> write(c, run, listing, results == null ? List.of() : results));
        } catch (SQLException | RuntimeException e) {
            run.writer.clearBatches();
            throw e;
        }
        progress(run, listing);
    }

    private void write(Connection c, ResourceRun run, Listing listing, List<RecordResult> results) throws SQLException {
        ResourceDefinition def = run.definition();
        Counters n = run.counters();
        long runId = run.lmsRun().runId();
        String now = Times.now();
        String url = Urls.withoutQuery(listing.currentUrl());
        long rejected = 0;
        for (RecordResult r : results) {
            if (r instanceof RecordResult.Rejected bad) {
                RunLog.error(c, runId, def.lms(), def.name(), listing.scope().key(), url, bad.reason(), bad.payload());
                n.errors++;
                rejected++;
            }
        }
        listing.rejected(rejected);
        if (listing.checking()) {
            retireSeen(run, listing, results, now);
        } else {
            store(run, listing, results, now);
        }
        n.pages++;
        listing.pages++;
        if (listing.failure() != null) {
            RunLog.error(c, runId, def.lms(), def.name(), listing.scope().key(), url, listing.failure(), null);
            n.errors++;
        }
        StateStore.write(c, def.lms(), def.name(), listing.scope().stateKey(), nextState(c, run, listing, now), now);
        RunLog.resourceProgress(c, runId, def.name(), n, "running", null, false);
    }

    /** A page of a normal listing: append new and changed rows, dedupe, touch the unchanged. */
    private static void store(ResourceRun run, Listing listing, List<RecordResult> results, String now) throws SQLException {
        Scope scope = listing.scope();
        Counters n = run.counters();
        long runId = run.lmsRun().runId();

        // Last one wins when a page repeats an identity.
        Map<List<String>, RecordResult.Accepted> page = new LinkedHashMap<>();
        boolean olderThanWatermark = false;
        for (RecordResult r : results) {
            if (r instanceof RecordResult.Accepted a) {
                page.put(a.identity(), a);
                listing.seenWatermark(a.watermark());
                if (listing.stopAtWatermark() != null && a.watermark() != null
                        && a.watermark().compareTo(listing.stopAtWatermark()) < 0) {
                    olderThanWatermark = true;
                }
            }
        }

        TableWriter t = run.writer;
        long before = t.maxRowid();
        boolean inserted = false;
        for (RecordResult.Accepted a : page.values()) {
            TableWriter.Existing old = t.find(a.identity());
            if (old == null) {
                t.addInsert(a, scope.key(), now, now, now, runId);
                inserted = true;
                n.inserted++;
            } else if (!old.hash().equals(a.hash())) {
                t.addInsert(a, scope.key(), old.createDate(), now, now, runId);
                inserted = true;
                n.updated++;
            } else {
                t.addTouch(old.rowid(), scope.key(), a.asOfDate(), now, runId);
                if (old.deletedAt() != null) {
                    n.updated++;
                } else {
                    n.unchanged++;
                }
            }
        }
        t.flush(inserted, before);
        n.records += results.size();
        listing.records += results.size();
        if (olderThanWatermark && listing.nextUrl() != null) {
            listing.stopEarly();
        }
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
    private StateStore.State nextState(Connection c, ResourceRun run, Listing l, String now) throws SQLException {
        ResourceDefinition def = run.definition();
        Scope scope = l.scope();
        String ws = scope.window() == null ? null : scope.window().start().toString();
        String we = scope.window() == null ? null : scope.window().end().toString();
        if (l.nextUrl() != null && l.checking()) {
            // A deletion check is not resumed: a run stopped during it lists the scope again next time
            // (no pass run id, so a resuming run does not take the listing for finished).
            return StateStore.State.cleared();
        }
        if (l.nextUrl() != null) {
            return new StateStore.State(l.nextUrl(), l.passRunId(), l.fullPass(), ws, we, l.pendingWatermark(), null, null, null,
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
                LOG.info("{}{}: {} rows missing from the listing are in its deletion check: marked retired, not deleted",
                        def.key(), scope.describe(), l.retired);
            }
            DeletionMarker.Outcome out = deletions.mark(c, def, scope.key(), l.passRunId(), now);
            run.counters().deleted += out.deleted();
            if (out.guardWarning() != null) {
                LOG.warn(out.guardWarning());
                RunLog.error(c, run.lmsRun().runId(), def.lms(), def.name(), scope.key(), null, out.guardWarning(), null);
                run.counters().errors++;
            }
            fullPassAt = now;
        }
        String lastAsOf = null;
        if (scope.window() != null) {
            if (l.partialData()) {
                run.holdDate(scope.key());
                LOG.info("{}{}: the API marks this data partial or not yet available; it will be fetched again next run",
                        def.key(), scope.describe());
            } else if (!run.dateHeld(scope.key())) {
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
        LOG.info("{}{}: {} pages, {} records, {} rec/s; throttled {} times, {} ms waited",
                run.definition().key(), l.scope().describe(), l.pages, l.records, Math.round(l.records / secs),
                n.throttled, n.throttleWaitMs);
        run.lastProgressNanos = now;
    }
}
