package org.lmssync.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmssync.config.EngineConfig;
import org.lmssync.config.Settings;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.spi.LmsAdapter;

/**
 * Scope planning and resume, straight on the planner and the lanes: which listings a fresh run,
 * a run after an interrupted one and a run after a failed date window plan, from the parent rows
 * and the {@code sync_state} rows a temp sync DB holds.
 */
class ScopePlanningUnitTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);
    private static final LocalDate YEAR_START = LocalDate.of(2026, 9, 1);

    private final ResourceDefinition terms = CoreFixture.resource("terms", null, "https://t/v1/terms", "id=id");
    private final ResourceDefinition courses = CoreFixture.resource("courses", "terms", "https://t/v1/terms/{id}/courses",
            "term_id=@parent.id, id=id");
    private final ResourceDefinition sections = CoreFixture.resource("sections", "courses",
            "https://t/v1/courses/{id}/sections", "course_id=@parent.id, id=id");
    private final ResourceDefinition attendance = CoreFixture.resource("attendance", "courses",
            "https://t/v1/courses/{id}/attendance", "course_id=@parent.id, day=@date, id=id",
            "strategy", "by-date", "query", "start={start}&end={end}");
    private final ResourceDefinition work = CoreFixture.resource("work", null, "https://t/v1/work", "id=id",
            "strategy", "watermark", "sourceModified", "updated_at",
            "incrementalQueries", "submitted_since={watermark} | graded_since={watermark}");
    private CoreFixture db;

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private List<Scope> plan(ResourceDefinition def, EngineConfig config, Set<Long> resumes) throws Exception {
        ScopePlanner planner = new ScopePlanner(db.catalog, config);
        return db.db.inTransaction(c -> planner.plan(c, def, TODAY, resumes));
    }

    private static EngineConfig config(int maxWindowDays) {
        return CoreFixture.config(YEAR_START, maxWindowDays, 6, 300);
    }

    @Test
    void aFreshRunPlansOneListingPerLiveParentRowAndNoneUnderDeletedOrRetiredRows() throws Exception {
        db = new CoreFixture(terms, courses, sections, attendance, work);
        assertEquals(List.of(new Scope(Scope.ROOT, Map.of(), null)), plan(terms, config(30), Set.of()));

        db.row(terms, "", 1, "t1");
        db.row(terms, "", 1, "t2");
        db.row(courses, "t1", 1, "t1", "c1");
        db.row(courses, "t1", 1, "t1", "c2");
        db.row(courses, "t1", 1, "t1", "gone");
        db.row(courses, "t1", 1, "t1", "past");
        db.row(courses, "t2", 1, "t2", "c3");
        db.exec("UPDATE testlms_courses SET deleted_at = 'x' WHERE id = 'gone'");
        db.exec("UPDATE testlms_courses SET retired_at = 'x' WHERE id = 'past'");
        db.exec("UPDATE testlms_terms SET retired_at = 'x' WHERE id = 't2'");

        List<Scope> scopes = plan(sections, config(30), Set.of());
        // the scope key is the parent's identity joined by '/', its values fill the URL's placeholders
        assertEquals(List.of("t1/c1", "t1/c2"), scopes.stream().map(Scope::key).toList(),
                "no listing under a deleted or retired course, nor under a course of a retired term");
        assertEquals(Map.of("term_id", "t1", "id", "c1"), scopes.get(0).parentValues());
    }

    @Test
    void aByDateResourcePlansWindowsFromTheYearStartThenFromTheDayAfterItsStoredDate() throws Exception {
        db = new CoreFixture(terms, courses, sections, attendance, work);
        db.row(courses, "t1", 1, "t1", "c1");
        db.row(courses, "t1", 1, "t1", "c2");

        List<Scope> fresh = plan(attendance, config(30), Set.of());
        List<DateWindow> expected = DateWindow.split(YEAR_START, TODAY, 30);
        assertEquals(2, expected.size());
        assertEquals(List.of("t1/c1", "t1/c1", "t1/c2", "t1/c2"), fresh.stream().map(Scope::key).toList());
        assertEquals(expected, fresh.subList(0, 2).stream().map(Scope::window).toList());

        // c1 stored up to Oct 10 (a complete window), c2 never got past its first window's failure
        db.state(attendance, "t1/c1", new StateStore.State(null, 2L, false, null, null, null, null, "2026-10-10", null, 0));
        List<Scope> next = plan(attendance, config(30), Set.of());
        assertEquals(List.of(new DateWindow(LocalDate.of(2026, 10, 11), TODAY)),
                next.stream().filter(s -> s.key().equals("t1/c1")).map(Scope::window).toList());
        assertEquals(expected, next.stream().filter(s -> s.key().equals("t1/c2")).map(Scope::window).toList(),
                "a parent with no stored date starts again at the school-year start");

        // a stored date of today leaves nothing to fetch for that parent
        db.state(attendance, "t1/c1", new StateStore.State(null, 3L, false, null, null, null, null, TODAY.toString(), null, 0));
        assertEquals(List.of("t1/c2", "t1/c2"), plan(attendance, config(30), Set.of()).stream().map(Scope::key).toList());
    }

    @Test
    void aWindowThatFailedPartWayResumesFirstAsItWasPlannedAndTheRestFollow() throws Exception {
        db = new CoreFixture(terms, courses, sections, attendance, work);
        db.row(courses, "t1", 1, "t1", "c1");
        // Run 4 stored Sep 1..Sep 10, then its window Sep 11..Sep 20 failed after a page: the resume point stays.
        db.state(attendance, "t1/c1", new StateStore.State("https://t/v1/courses/c1/attendance?page=3", 4L, false,
                "2026-09-11", "2026-09-20", null, null, "2026-09-10", null, 0));
        List<Scope> scopes = plan(attendance, config(7), Set.of());
        List<DateWindow> windows = scopes.stream().map(Scope::window).toList();
        assertEquals(new DateWindow(LocalDate.of(2026, 9, 11), LocalDate.of(2026, 9, 20)), windows.get(0),
                "the unfinished window first, with its own bounds (planned with an older window size)");
        assertEquals(DateWindow.split(LocalDate.of(2026, 9, 21), TODAY, 7), windows.subList(1, windows.size()),
                "then windows of the current size from the day after it");

        // the windows of one parent share its state row: one lane, run in order; a failed window ends it
        ResourceRun run = CoreFixture.run(attendance, new LmsRun(5, "testlms"), new PlainAdapter(), scopes);
        Iterator<Lane> lanes = run.pending();
        Lane lane = lanes.next();
        assertFalse(lanes.hasNext(), "one parent, one lane");
        assertEquals(scopes.size(), lane.size());
        assertEquals(windows.get(0), lane.take().window());
        assertEquals(windows.get(1), lane.take().window());
        lane.end();
        assertFalse(lane.isPending(), "after a failed window the later ones wait for the next run");
        assertEquals(scopes.size() - 2, run.notStarted());
    }

    @Test
    void aRunResumingAnInterruptedOneSkipsTheListingsThatRunCompletedAndResumesTheRest() throws Exception {
        db = new CoreFixture(terms, courses, sections, attendance, work);
        for (String c : List.of("c1", "c2", "c3", "c4")) {
            db.row(courses, "t1", 1, "t1", c);
        }
        // Run 7 was interrupted: c1 completed in it, c2 was cut off mid-listing, c3 completed in an
        // earlier run (6), c4 never started.
        db.state(sections, "t1/c1", new StateStore.State(null, 7L, true, null, null, null, null, null, "x", 0));
        db.state(sections, "t1/c2", CoreFixture.resumePoint("https://t/v1/courses/c2/sections?page=2", 7L));
        db.state(sections, "t1/c3", new StateStore.State(null, 6L, true, null, null, null, null, null, "x", 0));

        assertEquals(List.of("t1/c1", "t1/c2", "t1/c3", "t1/c4"), keys(plan(sections, config(30), Set.of())),
                "a run that resumes nothing lists every scope");
        assertEquals(List.of("t1/c2", "t1/c3", "t1/c4"), keys(plan(sections, config(30), Set.of(7L))));
        assertEquals(List.of("t1/c2", "t1/c4"), keys(plan(sections, config(30), Set.of(7L, 6L))),
                "a chain of interrupted runs: what any of them completed is done");
    }

    @Test
    void aWatermarkScopeDueAFullPassIsListedPlainlyOtherwiseOncePerIncrementalQuery() throws Exception {
        db = new CoreFixture(terms, courses, sections, attendance, work);
        assertEquals(List.of(new Scope(Scope.ROOT, Map.of(), null)), plan(work, config(30), Set.of()),
                "no watermark yet: a full pass");
        String recent = Instant.now().toString();
        db.state(work, Scope.ROOT, new StateStore.State(null, 3L, false, null, null, null, "2026-10-01T00:00:00.000Z",
                null, recent, 0));
        List<Scope> incremental = plan(work, config(30), Set.of());
        assertEquals(List.of(0, 1), incremental.stream().map(Scope::variant).toList());
        assertEquals(List.of("~0", "~1"), incremental.stream().map(Scope::stateKey).toList(),
                "each incremental query keeps its own resume point");
        // a variant completed by the interrupted run this one resumes is not listed again
        db.state(work, "~0", new StateStore.State(null, 9L, false, null, null, null, null, null, null, 0));
        assertEquals(List.of(1), plan(work, config(30), Set.of(9L)).stream().map(Scope::variant).toList());

        db.state(work, Scope.ROOT, new StateStore.State(null, 3L, false, null, null, null, "2026-10-01T00:00:00.000Z",
                null, "2026-01-01T00:00:00Z", 0));
        assertEquals(List.of(new Scope(Scope.ROOT, Map.of(), null)), plan(work, config(30), Set.of()),
                "a full pass older than lms.full-refresh-days: the plain listing again");
        db.state(work, Scope.ROOT, new StateStore.State("https://t/v1/work?page=2", 3L, true, null, null, null,
                "2026-10-01T00:00:00.000Z", null, recent, 0));
        assertEquals(List.of(new Scope(Scope.ROOT, Map.of(), null)), plan(work, config(30), Set.of()),
                "a full pass in the middle: resumed plainly");
    }

    @Test
    void lanesGroupTheListingsOfOneStateRowAndTheirLoopConditionsChangeNothing() {
        DateWindow w1 = new DateWindow(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
        DateWindow w2 = new DateWindow(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20));
        List<Scope> scopes = List.of(new Scope("a", Map.of(), w1), new Scope("a", Map.of(), w2),
                new Scope("b", Map.of(), w1), new Scope("b", Map.of(), w2), new Scope("c", Map.of(), w1));
        LmsRun lmsRun = new LmsRun(1, "testlms");
        ResourceRun run = CoreFixture.run(attendance, lmsRun, new PlainAdapter(), scopes);
        Iterator<Lane> it = run.pending();
        for (int i = 0; i < 5; i++) {
            assertTrue(it.hasNext(), "hasNext is the split's condition: asking does not take a lane");
        }
        List<Lane> lanes = new ArrayList<>();
        while (it.hasNext()) {
            lanes.add(it.next());
        }
        assertEquals(List.of(2, 2, 1), lanes.stream().map(Lane::size).toList());

        Lane a = lanes.get(0);
        for (int i = 0; i < 5; i++) {
            assertTrue(a.isPending(), "isPending is the lane loop's condition: asking does not take a listing");
        }
        assertEquals(w1, a.take().window());
        assertEquals(w2, a.take().window());
        assertFalse(a.isPending());
        assertEquals(3, run.notStarted());

        Listing l = CoreFixture.listing(new Scope("b", Map.of(), w1), "https://t/v1/x?per_page=10", lmsRun);
        for (int i = 0; i < 5; i++) {
            assertTrue(l.isPagePending(), "isPagePending is the page loop's condition: asking does not advance");
        }
        assertEquals("https://t/v1/x?per_page=10", l.nextUrl());
        lmsRun.stop().stop();
        assertFalse(l.isPagePending());
        assertFalse(lanes.get(1).isPending(), "a stop ends every lane");
        assertFalse(run.pending().hasNext());
    }

    private static List<String> keys(List<Scope> scopes) {
        return scopes.stream().map(Scope::key).toList();
    }

    /** An LMS with no quirks. */
    static final class PlainAdapter implements LmsAdapter {
        @Override
        public String name() {
            return "testlms";
        }

        @Override
        public void configure(Settings settings) {
        }

        @Override
        public void authorize(Message request, String method, String url) {
        }
    }
}
