package org.lmssync.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.page.PageWriter;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.run.Counters.Counter;

/**
 * Pass completion through {@link PageWriter}, page by page as the page loop hands them over: when
 * a listing counts as complete and clean (and may mark deletions), how a record that could not be
 * stored makes the whole pass dirty, across runs ({@code sync_state.pass_rejected}), and that a
 * listing that failed or was cut off marks nothing.
 */
class PassCompletionUnitTest {
    private static final String FIRST = "https://t/v1/courses?per_page=2";
    private static final String SECOND = "https://t/v1/courses?page=2&per_page=2";

    private final ResourceDefinition courses = CoreFixture.resource("courses", null, "https://t/v1/courses", "id=id");
    private final Scope scope = new Scope(Scope.ROOT, Map.of(), null);
    private CoreFixture db;
    private CamelContext camel;
    private ExecutorService writerThread;
    private PageWriter writer;

    @BeforeEach
    void open() throws Exception {
        db = new CoreFixture(courses);
        camel = new DefaultCamelContext();
        writerThread = Executors.newSingleThreadExecutor();
        // on SQLite there is no run lease: it never schedules a renewal
        writer = new PageWriter(db.db, db.catalog, 50, writerThread, RunObserver.NONE, new RunLease(db.db, "test/1", 30, null));
        // stored before: a, b and gone, all from run 1
        for (String id : List.of("a", "b", "gone")) {
            db.row(courses, "", 1, id);
        }
    }

    @AfterEach
    void close() throws Exception {
        writerThread.shutdownNow();
        camel.close();
        db.close();
    }

    /** One run's listing of the scope, fresh or from the stored resume point, as openScope opens it. */
    private final class Pass {
        final LmsRun lmsRun;
        final ResourceRun run;
        final Lane lane;
        final Listing listing;

        Pass(long runId) throws Exception {
            lmsRun = new LmsRun(runId, "testlms");
            run = CoreFixture.run(courses, lmsRun, new ScopePlanningUnitTest.PlainAdapter(), List.of(scope));
            run.writer = db.db.inTransaction(c -> new TableWriter(c, courses));
            lane = run.pending().next();
            lane.take();
            StateStore.State st = db.state(courses, Scope.ROOT);
            boolean resume = st.nextPage() != null;
            listing = new Listing(scope, FIRST, resume ? st.nextPage() : null, resume ? st.passRunId() : runId, true,
                    null, null, resume ? st.passRejected() : 0, lmsRun.stop());
        }

        /** A page read and handed to the writer, as the page loop does; next null = the last page. */
        void page(String next, RecordResult... records) throws Exception {
            listing.sending();
            assertTrue(listing.advance(next));
            Exchange e = new DefaultExchange(camel);
            e.setProperty(ResourceSync.RUN, run);
            e.setProperty(ResourceSync.LISTING, listing);
            e.setProperty(ResourceSync.LANE, lane);
            e.getMessage().setBody(new ArrayList<>(List.of(records)));
            writer.write(e);
            listing.awaitWrite();
        }

        void close() throws Exception {
            run.writer.close();
        }
    }

    private static RecordResult ok(String id) {
        return new RecordResult.Accepted(List.of(id), "{\"id\":\"" + id + "\"}", "hash-" + id, null, null, null, null);
    }

    private List<String> deleted() throws Exception {
        return db.column("SELECT id FROM testlms_courses WHERE deleted_at IS NOT NULL ORDER BY id");
    }

    @Test
    void aCleanCompleteListingMarksWhatItLackedAndEndsItsPass() throws Exception {
        Pass p = new Pass(2);
        p.page(SECOND, ok("a"), ok("new"));
        StateStore.State mid = db.state(courses, Scope.ROOT);
        assertEquals(SECOND, mid.nextPage(), "each page commits the resume point of the next");
        assertEquals(2L, mid.passRunId());
        assertEquals(List.of(), deleted(), "nothing is marked before the listing is complete");
        assertNull(mid.lastFullPassAt());

        p.page(null, ok("b"));
        assertTrue(p.listing.complete());
        assertEquals(List.of("gone"), deleted());
        assertEquals(1, p.run.counters().get(Counter.DELETED));
        StateStore.State end = db.state(courses, Scope.ROOT);
        assertNull(end.nextPage());
        assertEquals(2L, end.passRunId(), "a finished listing keeps the run its pass began in (resume skips it)");
        assertNotNull(end.lastFullPassAt());
        assertEquals(0, end.passRejected());
        p.close();
    }

    @Test
    void aRecordThatCouldNotBeStoredKeepsThePassFromMarkingEvenWhenItEndsInALaterRun() throws Exception {
        Pass p = new Pass(2);
        p.page(SECOND, ok("a"), new RecordResult.Rejected("no id", "{\"name\":\"x\"}"));
        assertEquals(1, db.state(courses, Scope.ROOT).passRejected(), "the dirt is stored with the resume point");
        assertEquals(1, db.scalar("SELECT COUNT(*) FROM sync_errors WHERE run_id = 2 AND reason = 'no id'"));
        p.close();

        // run 2 is cut off here; run 3 resumes the same pass from page 2, which is clean
        Pass resumed = new Pass(3);
        assertTrue(resumed.listing.resumed());
        assertEquals(2L, resumed.listing.passRunId());
        resumed.page(null, ok("b"));
        assertTrue(resumed.listing.complete());
        assertEquals(List.of(), deleted(), "a record of the pass may be any row it lacks: none is marked deleted");
        StateStore.State end = db.state(courses, Scope.ROOT);
        assertNull(end.nextPage());
        assertNull(end.lastFullPassAt(), "a dirty pass is no full pass");
        assertEquals(0, end.passRejected(), "the next pass starts clean");
        resumed.close();

        // the next complete and clean pass does mark
        Pass clean = new Pass(4);
        clean.page(SECOND, ok("a"));
        clean.page(null, ok("b"));
        assertEquals(List.of("gone"), deleted());
        clean.close();
    }

    @Test
    void aListingThatFailedOrWasCutOffMarksNothing() throws Exception {
        Pass failed = new Pass(2);
        failed.page(SECOND, ok("a"));
        // page 2 links back to page 1: a paging loop fails the listing
        failed.listing.sending();
        assertFalse(failed.listing.advance(FIRST));
        failed.listing.fail("paging loop");
        Exchange e = new DefaultExchange(camel);
        e.setProperty(ResourceSync.RUN, failed.run);
        e.setProperty(ResourceSync.LISTING, failed.listing);
        e.setProperty(ResourceSync.LANE, failed.lane);
        e.getMessage().setBody(new ArrayList<>(List.of(ok("b"))));
        writer.write(e);
        assertFalse(failed.listing.complete());
        assertEquals(List.of(), deleted());
        StateStore.State st = db.state(courses, Scope.ROOT);
        assertNull(st.nextPage());
        assertNull(st.passRunId(), "a failed listing leaves no pass a resuming run could take for finished");
        assertEquals(1, db.scalar("SELECT COUNT(*) FROM sync_errors WHERE reason = 'paging loop'"));
        failed.close();

        Pass cut = new Pass(3);
        cut.page(SECOND, ok("a"), ok("b"));
        assertFalse(cut.listing.complete());
        assertEquals(List.of(), deleted(), "a listing cut off before its last page marks nothing");
        assertEquals(SECOND, db.state(courses, Scope.ROOT).nextPage());
        cut.close();
    }
}
