package org.lmssync.reliability;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.canvas.CanvasSimulator;
import org.lmssync.simulator.canvas.Denial;

/**
 * Permanent faults fail their resource at once (one request, one clear message) while the other
 * resources go on; rejected credentials skip the rest of the LMS's run. Exit code 1 either way.
 */
class PermanentFaultTest extends ReliabilitySupport {
    /** For the faults only these LMSs have. */
    private static final LmsFixture.Lms CANVAS = LmsFixture.Lms.named("canvas");
    private static final LmsFixture.Lms GOOGLE = LmsFixture.Lms.named("google");


    /** A permanent fault on the root listing, the status it answers, and how it is set up. */
    record Permanent(String name, int status, Consumer<LmsFixture> inject, Set<LmsFixture.Lms> only) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Permanent> FAULTS = List.of(
            new Permanent("404 on the root listing", 404,
                    f -> f.faults().add(r -> r.path().equals(f.rootPath()), 1, 1.0, Fault.notFound()),
                    Set.copyOf(LmsFixture.Lms.all())),
            // Canvas's permission refusal: 403 with a JSON body, unlike its text/plain throttle
            new Permanent("403 not a throttle", 403,
                    f -> ((CanvasSimulator) f.simulator()).deny(f.rootPath(), Denial.FORBIDDEN), Set.of(CANVAS)));

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (LmsFixture.Lms lms : LmsFixture.Lms.all()) {
            FAULTS.stream().filter(p -> p.only().contains(lms)).forEach(p -> out.add(Arguments.of(lms, p)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void aPermanentFaultFailsItsResourceAtOnceAndTheOthersGoOn(LmsFixture.Lms which, Permanent p) throws Exception {
        start(which);
        p.inject().accept(lms);
        int code = sync();

        Checks checks = new Checks().equal(1, code, "exit code");
        List<RequestLog.Entry> root = rootRequests();
        checks.equal(List.of(p.status()), root.stream().map(RequestLog.Entry::status).toList(), "one request, not retried");
        Map<String, Object> run = resourceRun(lms.root());
        String error = String.valueOf(run.get("error"));
        checks.equal("failed", run.get("status"), "status of " + lms.root());
        checks.expect(error.startsWith("HTTP " + p.status() + " from GET ") && error.contains(lms.rootPath()),
                "the error names the status and the request: " + error);
        checks.equal(0L, num(run.get("retries")), "retries");
        checks.equal("failed", query("SELECT status FROM sync_runs").get(0).get("status"), "sync_runs.status");
        for (String other : lms.resources().subList(1, 3)) {
            checks.equal("succeeded", resourceRun(other).get("status"), "status of " + other);
        }
        LmsFixture.Table other = truth(lms.otherRoot());
        checks.expect(other.rows().equals(stored(other, checks)), other.table() + " differs from the simulator");
        checks.recordAndAssert(SuiteLedger.PERMANENT, lms.lms() + " " + p.name(), root.size());
    }

    @ParameterizedTest
    @MethodSource(LmsFixture.EVERY_LMS)
    void rejectedCredentialsFailFastAndSkipTheRestOfTheLms(LmsFixture.Lms which) throws Exception {
        start(which);
        lms.rejectCredentials(config);
        credentialsRejectedOnce(401, lms.lms() + " 401 wrong credentials");
    }

    /** A service-account key whose key id Google no longer knows (rotated or deleted): 400 invalid_grant. */
    @Test
    void aGoogleKeyTheTokenEndpointRefusesIsRejectedCredentialsToo() throws Exception {
        start(GOOGLE);
        Path key = Path.of(config.get("lms.google.service-account-file"));
        String json = Files.readString(key);
        Files.writeString(key, json.replaceFirst("(\"private_key_id\"\\s*:\\s*\")[0-9a-f]+", "$1" + "0".repeat(40)));
        credentialsRejectedOnce(400, "google 400 invalid_grant (key no longer valid)");
    }

    private void credentialsRejectedOnce(int status, String kind) throws Exception {
        int code = sync();

        Checks checks = new Checks().equal(1, code, "exit code");
        List<RequestLog.Entry> all = lms.requestLog().entries();
        // Google's 401 comes from its token endpoint: no API request is made without a token
        checks.equal(List.of(status), all.stream().map(RequestLog.Entry::status).toList(), "one rejected request, then none");
        // resources run in dependency order: the first one meets the 401, the others are skipped
        List<String> rejected = new ArrayList<>();
        for (String resource : lms.resources()) {
            Map<String, Object> r = resourceRun(resource);
            String error = String.valueOf(r.get("error"));
            checks.equal("failed", r.get("status"), "status of " + resource);
            if (!error.startsWith("skipped: the " + lms.lms() + " credentials were rejected")) {
                rejected.add(resource);
                checks.expect(error.contains("HTTP " + status) && error.contains("the " + lms.lms() + " credentials were rejected")
                        && error.contains("lms." + lms.lms() + ".*"), "the error says the credentials were rejected: " + error);
            }
        }
        checks.equal(1, rejected.size(), "resources that met the refusal " + rejected);
        checks.equal("failed", query("SELECT status FROM sync_runs").get(0).get("status"), "sync_runs.status");
        checks.recordAndAssert(SuiteLedger.PERMANENT, kind, all.stream().filter(e -> e.status() == status).count());
    }
}
