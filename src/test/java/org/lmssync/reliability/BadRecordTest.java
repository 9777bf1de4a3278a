package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.JsonRecordFaults;
import org.lmssync.simulator.RecordFault;
import org.lmssync.simulator.RequestLog;
import org.lmssync.testapi.TestApi;

/**
 * Bad records inside an otherwise good first page of each LMS's root listing: the bad one lands in
 * sync_errors with its reason, the rest of the page (and the listing) commits; a duplicate gives
 * one row; a next link that points back at a page already read stops the listing with an error.
 */
class BadRecordTest extends ReliabilitySupport {

    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void aRecordWithoutItsIdentityGoesToSyncErrorsAndTheRestCommits(LmsFixture.Lms which) throws Exception {
        refused(which, RecordFault.MISSING_IDENTITY, "record missing its identity", (checks, root, lost) -> {
            List<Map<String, Object>> errors = query("SELECT * FROM sync_errors");
            checks.equal(1, errors.size(), "sync_errors rows");
            if (lost.size() == 1 && errors.size() == 1) {
                Map<String, Object> e = errors.get(0);
                checks.equal(lms.root(), e.get("resource"), "sync_errors.resource");
                checks.expect(String.valueOf(e.get("reason")).startsWith("missing identity id"), "reason: " + e.get("reason"));
                checks.expect(String.valueOf(e.get("url")).endsWith(lms.rootPath()), "url: " + e.get("url"));
                // the payload is the record as sent: the simulator's record without its id
                ObjectNode expected = ((ObjectNode) root.rows().get(lost.iterator().next())).deepCopy();
                expected.remove("id");
                checks.equal(expected, TestApi.JSON.readTree(e.get("payload").toString()), "sync_errors.payload");
            }
        });
    }

    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void aRecordThatIsNotAnObjectGoesToSyncErrorsAndTheRestCommits(LmsFixture.Lms which) throws Exception {
        refused(which, RecordFault.GARBLED_RECORD, "malformed record (not an object)", (checks, root, lost) -> {
            List<Map<String, Object>> errors = query("SELECT reason, payload, resource FROM sync_errors");
            checks.equal(List.of(Map.of("reason", "record is not a JSON object", "payload",
                    "\"" + JsonRecordFaults.GARBAGE + "\"", "resource", lms.root())), errors, "sync_errors");
        });
    }

    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void aDuplicateWithinAPageGivesOneRow(LmsFixture.Lms which) throws Exception {
        badRecord(which, 1, RecordFault.DUPLICATE_RECORD, 0, "duplicate record within a page", (checks, root) -> {
            checks.equal((long) root.rows().size(), scalar("SELECT COUNT(*) FROM " + root.table()), "rows, live or not");
            checks.equal(0L, scalar("SELECT COUNT(*) FROM sync_errors"), "sync_errors rows");
            storedEqualsTruth(checks);
            // the page did carry the repeat: one record more was read than stored
            checks.equal((long) root.rows().size() + 1, num(resourceRun(lms.root()).get("records")), "records read");
        });
    }

    /**
     * A record whose fields are garbled but whose identity is intact can be stored, and lms-sync
     * stores records as the API sent them: it lands as sent, with no error, and nothing else moves.
     */
    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void aRecordWithGarbledFieldsIsStoredAsSent(LmsFixture.Lms which) throws Exception {
        badRecord(which, 1, RecordFault.MALFORMED_RECORD, 0, "garbled fields (stored as sent)", (checks, root) -> {
            Map<String, JsonNode> stored = stored(root, checks);
            checks.equal(root.rows().keySet(), stored.keySet(), "identities");
            List<String> differing = root.rows().keySet().stream().filter(k -> !root.rows().get(k).equals(stored.get(k)))
                    .toList();
            checks.equal(1, differing.size(), "records that differ from the simulator's");
            differing.forEach(k -> checks.expect(stored.get(k).toString().contains(JsonRecordFaults.GARBAGE),
                    "the garbled record is stored as sent: " + stored.get(k)));
            checks.equal(0L, scalar("SELECT COUNT(*) FROM sync_errors"), "sync_errors rows");
            for (LmsFixture.Table t : lms.truth().subList(1, 3)) {
                checks.expect(t.rows().equals(stored(t, checks)), t.table() + " differs from the simulator");
            }
        });
    }

    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    @Timeout(60) // without loop detection this listing never ends: fail rather than hang
    void aNextLinkBackToAPageAlreadyReadStopsTheListingWithAnError(LmsFixture.Lms which) throws Exception {
        // every page of the root listing points back at itself, so only detection can end it
        badRecord(which, -1, RecordFault.CURSOR_LOOP, 1, "next link points back (paging loop)", (checks, t) -> {
            List<RequestLog.Entry> root = rootRequests();
            // page one, then the page its looping link names (page one again), whose link was read already
            checks.expect(root.size() <= 2, "requests for the looping listing: " + root.size());
            Map<String, Object> run = resourceRun(lms.root());
            checks.equal("failed", run.get("status"), "status of " + lms.root());
            checks.expect(String.valueOf(run.get("error")).startsWith("paging loop: the next page link of ")
                    && String.valueOf(run.get("error")).contains(lms.rootPath()), "error: " + run.get("error"));
            checks.equal("failed", query("SELECT status FROM sync_runs").get(0).get("status"), "sync_runs.status");
            // what was read is kept, no deletion is inferred from the failed listing, and the others go on
            Map<String, JsonNode> stored = stored(t, checks);
            checks.expect(!stored.isEmpty() && t.rows().entrySet().containsAll(stored.entrySet()),
                    "the pages read are stored as sent");
            checks.equal(0L, scalar("SELECT COUNT(*) FROM " + t.table() + " WHERE deleted_at IS NOT NULL"),
                    "rows marked deleted");
            checks.equal("succeeded", resourceRun(lms.otherRoot()).get("status"), "status of " + lms.otherRoot());
            LmsFixture.Table other = truth(lms.otherRoot());
            checks.expect(other.rows().equals(stored(other, checks)), other.table() + " differs from the simulator");
        });
    }

    /** What a test checks after the sync, given the checks so far (the exit code) and the root's truth read after it. */
    @FunctionalInterface
    private interface Body {
        void check(Checks checks, LmsFixture.Table root) throws Exception;
    }

    /** The check of sync_errors that differs between the refused-record tests. */
    @FunctionalInterface
    private interface ErrorsCheck {
        void check(Checks checks, LmsFixture.Table root, Set<String> lost) throws Exception;
    }

    /**
     * The frame every test here shares: starts {@code which}, puts {@code fault} on the root
     * listing's first {@code pages} pages (-1: every page), syncs once, checks the exit code, runs
     * {@code body}, and records the trial in the ledger as {@code what}.
     */
    private void badRecord(LmsFixture.Lms which, int pages, RecordFault fault, int exit, String what, Body body)
            throws Exception {
        start(which);
        Faults.Rule rule = onRoot(pages, Fault.record(fault));
        int code = sync();
        Checks checks = exit == 0 ? new Checks().equal(0, code, "exit code (" + lastErr.strip() + ")")
                : new Checks().equal(exit, code, "exit code");
        body.check(checks, truth(lms.root()));
        checks.recordAndAssert(SuiteLedger.BAD_INPUT, lms.lms() + " " + what, rule.fired());
    }

    /**
     * A record the sync must refuse: exactly one identity is missing, {@code errors} checks what
     * sync_errors says of it, and every other record commits. The run reports it: exit code 1.
     */
    private void refused(LmsFixture.Lms which, RecordFault fault, String what, ErrorsCheck errors) throws Exception {
        badRecord(which, 1, fault, 1, what, (checks, root) -> {
            Map<String, JsonNode> stored = stored(root, checks);
            Set<String> lost = missing(root, stored, checks);
            errors.check(checks, root, lost);
            goodRecordsCommitted(checks, root, stored, lost);
        });
    }

    /** The identities the table lacks; exactly one, and nothing stored that the simulator lacks. */
    private static Set<String> missing(LmsFixture.Table root, Map<String, JsonNode> stored, Checks checks) {
        Set<String> lost = new HashSet<>(root.rows().keySet());
        lost.removeAll(stored.keySet());
        checks.equal(1, lost.size(), "identities not stored " + lost);
        checks.expect(root.rows().keySet().containsAll(stored.keySet()), "only the simulator's identities are stored");
        return lost;
    }

    /**
     * Every other record of the page and listing is stored exactly and the resource succeeded; the
     * rest of the run too, except the children of the record that could not be stored (no parent row).
     */
    private void goodRecordsCommitted(Checks checks, LmsFixture.Table root, Map<String, JsonNode> stored, Set<String> lost)
            throws Exception {
        Map<String, JsonNode> expected = new HashMap<>(root.rows());
        expected.keySet().retainAll(stored.keySet());
        checks.equal(expected, stored, root.table() + " records");
        Map<String, Object> run = resourceRun(lms.root());
        checks.equal("succeeded", run.get("status"), "status of " + lms.root());
        checks.equal((long) lost.size(), num(run.get("errors")), "errors counted");
        for (LmsFixture.Table t : lms.truth().subList(1, 3)) {
            checks.expect(t.withoutChildrenOf(lost).equals(stored(t, checks)), t.table() + " differs from the simulator");
        }
    }
}
