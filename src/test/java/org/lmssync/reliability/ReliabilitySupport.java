package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.lmssync.SyncTestSupport;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.RequestLog;
import org.lmssync.testapi.TestApi;

/** Runs the real app (real routes/, real SQLite) against one product simulator per test. */
abstract class ReliabilitySupport extends SyncTestSupport {
    /** Small enough that a never-ending fault gives up quickly, large enough for the injected ones. */
    static final int MAX_ATTEMPTS = 4;
    protected LmsFixture lms;

    protected void start(LmsFixture.Lms which) {
        lms = which.start(dir);
        config.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        config.put("lms.testlms.enabled", "false");
        config.put("lms.http.max-attempts", Integer.toString(MAX_ATTEMPTS));
        config.put("lms.http.max-wait-seconds", "2");
        config.put("lms.http.backoff-base-millis", "20");
        config.putAll(lms.config(dir));
    }

    @AfterEach
    void stopLms() throws Exception {
        if (lms != null) {
            lms.close();
        }
    }

    protected int sync() throws Exception {
        return run("once", "--lms", lms.lms());
    }

    /** Faults only the root listing's own path (not its children, whose paths share the prefix). */
    protected Faults.Rule onRoot(int count, Fault fault) {
        return onRoot(0, count, fault);
    }

    /** The same, once {@code skip} requests of the root listing were answered normally. */
    protected Faults.Rule onRoot(int skip, int count, Fault fault) {
        String path = lms.rootPath();
        AtomicInteger seen = new AtomicInteger();
        // a rule that fires is not asked again for that request, so this counts the requests it passed over
        return lms.faults().add(r -> r.path().equals(path) && seen.getAndIncrement() >= skip, count, 1.0, fault);
    }

    protected List<RequestLog.Entry> rootRequests() {
        return lms.requestLog().entries(e -> e.path().equals(lms.rootPath()));
    }

    /** Live rows of a table by identity; a second live row for one identity is a problem. */
    protected Map<String, JsonNode> stored(LmsFixture.Table t, Checks checks) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (Map<String, Object> r : query("SELECT " + t.key() + " AS k, json FROM " + t.table() + " WHERE deleted_at IS NULL")) {
            JsonNode before = out.put(r.get("k").toString(), TestApi.JSON.readTree(r.get("json").toString()));
            checks.expect(before == null, t.table() + ": two live rows for " + r.get("k"));
        }
        return out;
    }

    /** Every resource of the fixture stored exactly the simulator's records (identities and JSON). */
    protected void storedEqualsTruth(Checks checks) throws Exception {
        for (LmsFixture.Table t : lms.truth()) {
            checks.expect(!t.rows().isEmpty(), t.table() + ": the simulator has records");
            checks.expect(t.rows().equals(stored(t, checks)), t.table() + " differs from the simulator");
        }
    }

    protected LmsFixture.Table truth(String resource) {
        return lms.truth().stream().filter(t -> t.resource().equals(resource)).findFirst().orElseThrow();
    }

    protected Map<String, Object> resourceRun(String resource) throws Exception {
        return lastResourceRun(resource);
    }

    protected static long num(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }
}
