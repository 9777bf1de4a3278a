package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.RecordFault;
import org.lmssync.testapi.TestApi;
import org.lmssync.testapi.TestApi.Reply;

/**
 * Failure isolation: a record that cannot be stored never makes a live row look deleted, and a
 * scope whose listing fails fails only itself: the resource's other scopes are synced in the same
 * run, the failed one keeps its resume point and heals in the next run.
 */
class IsolationTest extends ReliabilitySupport {
    /** A child listing of the fixtures: one per course ({@code …/courses/<id>/sections}, {@code …/students}). */
    private static final Pattern CHILD = Pattern.compile(".*/courses/([^/]+)/[a-z_]+");

    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void aRecordWithoutItsIdentityMarksNothingDeletedInItsScope(LmsFixture.Lms which) throws Exception {
        start(which);
        Checks checks = new Checks().equal(0, sync(), "exit code of the first sync");
        Faults.Rule rule = onRoot(1, Fault.record(RecordFault.MISSING_IDENTITY));
        checks.equal(1, sync(), "exit code of the sync with the bad record (errors are reported)");
        LmsFixture.Table root = truth(lms.root());
        checks.equal(0L, scalar("SELECT COUNT(*) FROM " + root.table() + " WHERE deleted_at IS NOT NULL"),
                "rows marked deleted after a listing with an unreadable record");
        // the row behind the unreadable record is still live, with what was stored before
        storedEqualsTruth(checks);
        Map<String, Object> run = resourceRun(lms.root());
        checks.equal("succeeded", run.get("status"), "status of " + lms.root());
        checks.equal(1L, num(run.get("errors")), "errors counted");
        checks.equal(1L, scalar("SELECT COUNT(*) FROM sync_errors WHERE reason LIKE 'missing identity%'"), "sync_errors rows");
        rule.remove();
        checks.equal(0, sync(), "exit code of the next, clean sync");
        storedEqualsTruth(checks);
        checks.recordAndAssert(SuiteLedger.ISOLATION, lms.lms() + " record without identity: its live row is not deleted",
                rule.fired());
    }

    /**
     * The deletion inference a dirty listing skipped happens at the next clean complete listing,
     * also when the dirty pass was interrupted and resumed in a later run (the count is stored).
     */
    @Test
    void aDirtyPassDefersDeletionsToTheNextCleanCompleteListingEvenAcrossRuns() throws Exception {
        config.put("lms.http.max-attempts", "2");
        config.put("lms.testlms.resources", "items_link");
        api.put("items", TestApi.records("a", 0, 30));
        Checks checks = new Checks().equal(0, once("items_link"), "exit code of the first sync");
        // upstream: a5 deleted for real, a7 served without its id; page 2 then fails for good
        List<ObjectNode> dirty = new ArrayList<>(TestApi.records("a", 0, 30));
        dirty.get(7).remove("id");
        dirty.remove(5);
        api.put("items", dirty);
        api.script("/link/items", Reply.PASS, Reply.status(500), Reply.status(500));
        checks.equal(1, once("items_link"), "exit code of the dirty, failing run");
        checks.equal(1L, scalar("SELECT pass_rejected FROM sync_state WHERE resource = 'items_link'"),
                "rejected records kept with the resume point");
        // the next run resumes at page 2 and completes the dirty pass: still nothing may be deleted
        checks.equal(0, once("items_link"), "exit code of the run that completes the dirty pass");
        checks.equal(0L, scalar("SELECT COUNT(*) FROM testlms_items_link WHERE deleted_at IS NOT NULL"),
                "rows marked deleted by the dirty pass");
        List<ObjectNode> clean = new ArrayList<>(TestApi.records("a", 0, 30));
        clean.remove(5);
        api.put("items", clean);
        checks.equal(0, once("items_link"), "exit code of the clean run");
        checks.equal(List.of("a5"), deletedIds(), "rows marked deleted by the clean pass");
        checks.recordAndAssert(SuiteLedger.ISOLATION, "dirty pass resumed across runs defers deletions to the next clean one", 1);
    }

    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void aScopeThatAnswers404FailsAloneAndTheResourcesOtherScopesAreSynced(LmsFixture.Lms which) throws Exception {
        aFailingScopeFailsAlone(which, "404 on one child listing", Fault::notFound, 1);
    }

    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void aScopeWhosePageNeverParsesFailsAloneAfterItsRetries(LmsFixture.Lms which) throws Exception {
        aFailingScopeFailsAlone(which, "truncated JSON on one child listing, every attempt", Fault::truncatedJson, MAX_ATTEMPTS);
    }

    /**
     * Every child listing fails: after lms.max-failed-listings-in-a-row the rest is not asked for.
     * One listing at a time, so that "in a row" is exact (with N in flight, up to N-1 more start).
     */
    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void aResourceWhoseScopesAllFailStopsAfterTheConfiguredNumberInARow(LmsFixture.Lms which) throws Exception {
        start(which);
        config.put("lms.max-failed-listings-in-a-row", "2");
        config.put("lms." + lms.lms() + ".concurrency", "1");
        Faults.Rule rule = lms.faults().add(r -> CHILD.matcher(r.path()).matches(), 10_000, 1.0, Fault.serverError(500));
        Checks checks = new Checks().equal(1, sync(), "exit code");
        String child = lms.resources().get(1);
        long parents = truth(lms.root()).rows().size();
        checks.expect(parents > 2, "the fixture has more parents than the limit: " + parents);
        checks.equal(2L * MAX_ATTEMPTS, lms.requestLog().count(e -> CHILD.matcher(e.path()).matches()),
                "child requests (2 listings × lms.http.max-attempts)");
        Map<String, Object> run = resourceRun(child);
        checks.equal("failed", run.get("status"), "status of " + child);
        checks.expect(String.valueOf(run.get("error")).startsWith("2 listings failed in a row (lms.max-failed-listings-in-a-row=2)"),
                "error: " + run.get("error"));
        checks.equal("succeeded", resourceRun(lms.otherRoot()).get("status"), "status of " + lms.otherRoot());
        checks.recordAndAssert(SuiteLedger.ISOLATION, lms.lms() + " every child listing 500s: stops after 2 in a row", rule.fired());
    }

    private void aFailingScopeFailsAlone(LmsFixture.Lms which, String what, Supplier<Fault> fault, int attempts)
            throws Exception {
        start(which);
        AtomicReference<String> victim = new AtomicReference<>();
        Faults.Rule rule = lms.faults().add(r -> CHILD.matcher(r.path()).matches()
                && (victim.compareAndSet(null, r.path()) || victim.get().equals(r.path())), 10_000, 1.0, fault.get());
        Checks checks = new Checks().equal(1, sync(), "exit code");
        String child = lms.resources().get(1);
        Matcher m = CHILD.matcher(victim.get());
        checks.expect(m.matches(), "a child listing was faulted: " + victim.get());
        String parent = m.group(1);
        checks.equal((long) attempts, lms.requestLog().count(e -> e.path().equals(victim.get())), "requests for the failing scope");

        LmsFixture.Table childTruth = truth(child);
        long parents = truth(lms.root()).rows().size();
        Map<String, JsonNode> expected = childTruth.withoutChildrenOf(Set.of(parent));
        checks.expect(expected.size() < childTruth.rows().size() && !expected.isEmpty(), "the failing scope has rows of its own");
        checks.equal(expected, stored(childTruth, checks), "rows of the other scopes, synced in the same run");
        checks.equal(0L, scalar("SELECT COUNT(*) FROM " + childTruth.table() + " WHERE deleted_at IS NOT NULL"), "rows marked deleted");
        for (LmsFixture.Table t : List.of(truth(lms.root()), truth(lms.otherRoot()))) {
            checks.expect(t.rows().equals(stored(t, checks)), t.table() + " differs from the simulator");
        }
        Map<String, Object> run = resourceRun(child);
        checks.equal("failed", run.get("status"), "status of " + child);
        checks.expect(String.valueOf(run.get("error")).startsWith("1 of " + parents + " listings failed: "),
                "error: " + run.get("error"));
        List<Map<String, Object>> errors = query("SELECT scope, url, reason FROM sync_errors WHERE resource = '" + child + "'");
        checks.equal(1, errors.size(), "sync_errors rows of " + child);
        if (errors.size() == 1) {
            checks.equal(parent, errors.get(0).get("scope"), "sync_errors.scope");
            checks.expect(String.valueOf(errors.get(0).get("url")).endsWith(victim.get()), "sync_errors.url: " + errors.get(0));
        }
        checks.equal("succeeded", resourceRun(lms.otherRoot()).get("status"), "status of " + lms.otherRoot());

        // healed: the next run lists the failed scope again and everything equals the simulator
        rule.remove();
        checks.equal(0, sync(), "exit code of the next run");
        storedEqualsTruth(checks);
        checks.recordAndAssert(SuiteLedger.ISOLATION, lms.lms() + " " + what + ": fails alone, the other scopes sync, heals next run",
                rule.fired());
    }

    private List<String> deletedIds() throws Exception {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : query("SELECT id FROM testlms_items_link WHERE deleted_at IS NOT NULL ORDER BY id")) {
            out.add(String.valueOf(r.get("id")));
        }
        return out;
    }
}
