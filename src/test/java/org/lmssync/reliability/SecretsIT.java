package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmssync.SyncTestSupport;
import org.lmssync.simulator.Fault;
import org.lmssync.simulator.RecordFault;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.canvas.CanvasDistrictSize;
import org.lmssync.simulator.canvas.CanvasSimConfig;
import org.lmssync.simulator.canvas.CanvasSimulator;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;
import org.lmssync.testapi.TestApi;

/**
 * Secrets never leak: the packaged jar syncs all three simulators with faults injected, then with
 * wrong credentials, then with broken Google key files; afterwards every secret (Canvas token,
 * Schoology key and secret, Google private key lines and key id, the access tokens Google issued,
 * and the wrong ones) is looked for in stdout, stderr (the app logs there; it has no log-file key),
 * every text cell of every table, every file the runs wrote, and every URL the simulators saw.
 */
class SecretsIT extends SyncTestSupport {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private final SecureRandom random = new SecureRandom();
    private final SecretScan secrets = new SecretScan();
    private final Map<String, AppProcess.Outcome> runs = new LinkedHashMap<>();
    private final List<Path> inputs = new ArrayList<>();
    private GoogleSimulator google;
    private SchoologySimulator schoology;
    private CanvasSimulator canvas;

    @AfterEach
    void stopSimulators() {
        for (AutoCloseable sim : new AutoCloseable[] {google, schoology, canvas}) {
            if (sim != null) {
                try {
                    sim.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void noSecretReachesOutputLogsTheDbFilesOrUrlsThroughFaultsWrongCredentialsAndBadKeyFiles() throws Exception {
        startSimulators();
        Map<String, String> good = goodSettings();

        injectFaults();
        Thread expire = expireGoogleTokensAfter(15);
        AppProcess.Outcome faulty = once("faults", good);
        expire.join();
        // exit 1: the bad records are reported (every resource still succeeds)
        assertEquals(1, faulty.exit(), faulty.stderr());
        assertEquals(0, scalar("SELECT COUNT(*) FROM sync_run_resources WHERE status <> 'succeeded'"), faulty.stderr());
        // the error paths ran: bad records stored as errors, retries, Google's 401 refreshed
        assertEquals(3, scalar("SELECT COUNT(DISTINCT lms) FROM sync_errors"), faulty.stderr());
        assertEquals(0, scalar("SELECT COUNT(*) FROM sync_runs WHERE retries < 2"), query("SELECT * FROM sync_runs").toString());
        assertTrue(google.requestLog().count(e -> e.status() == 401) >= 1, "no expired-token 401 was served");
        Set<String> issued = new java.util.TreeSet<>();
        google.requestLog().entries(e -> e.headers().containsKey("authorization")).forEach(e ->
                issued.add(e.headers().get("authorization").replaceFirst("(?i)^bearer\\s+", "")));
        assertTrue(issued.size() >= 2, "tokens seen: " + issued.size());
        int n = 0;
        for (String token : issued) {
            secrets.add("Google access token " + (++n), token);
        }

        AppProcess.Outcome wrong = once("wrong-credentials", wrongCredentials(good));
        assertEquals(1, wrong.exit(), wrong.stderr());
        List<Map<String, Object>> failures = query("SELECT r.lms, rr.error FROM sync_run_resources rr JOIN sync_runs r USING (run_id)"
                + " WHERE r.run_id > (SELECT MAX(run_id) - 3 FROM sync_runs) AND rr.error IS NOT NULL");
        // each LMS met its rejection once and skipped the rest of its run instead of trying the wrong credentials again
        for (String lms : List.of("google", "schoology", "canvas")) {
            assertTrue(failures.stream().anyMatch(f -> f.get("lms").equals(lms)
                    && f.get("error").toString().startsWith("skipped: the " + lms + " credentials were rejected")), lms + ": " + failures);
        }

        for (String breakage : List.of("truncated", "scrambled")) {
            Map<String, String> broken = new LinkedHashMap<>(good);
            broken.put("lms.google.service-account-file", brokenKeyFile(breakage).toString());
            AppProcess.Outcome bad = once("key-file-" + breakage, broken, "--lms", "google");
            assertEquals(2, bad.exit(), bad.stderr());
            assertTrue(bad.stderr().contains("lms.google.service-account-file"), bad.stderr());
        }

        List<String> hits = scanEverything();
        assertEquals(List.of(), hits, "secrets leaked");
    }

    private void startSimulators() {
        google = GoogleSimulator.start(GoogleSimConfig.builder().seed(random.nextLong())
                .size(new DistrictSize(5, 6, 2, 4, 20, 4)).build());
        schoology = SchoologySimulator.start(SchoologySimConfig.builder().seed(random.nextLong())
                .size(SchoologyDistrictSize.small()).noRateLimit().schoolYearStart(TODAY.minusDays(3))
                .consumerKey(distinctive("sgyK")).consumerSecret(distinctive("sgyS")).build());
        canvas = CanvasSimulator.start(CanvasSimConfig.builder().seed(random.nextLong()).size(CanvasDistrictSize.small())
                .throttling(false).accessToken(distinctive("cvsT")).build());
        secrets.add("Canvas access token", canvas.accessToken());
        if (org.lmssync.TestDb.postgres()) {
            secrets.add("PostgreSQL password", org.lmssync.TestDb.settings(db).get("lms.db.password"));
        }
        secrets.add("Schoology consumer key", schoology.consumerKey());
        secrets.add("Schoology consumer secret", schoology.consumerSecret());
        secrets.add("Google private key id", google.serviceAccount().privateKeyId());
        secrets.addPem("Google private key", google.serviceAccount().privateKeyPem());
    }

    private Map<String, String> goodSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.putAll(org.lmssync.TestDb.settings(db));
        s.put("lms.school-year-start", TODAY.minusDays(3).toString());
        s.put("lms.http.backoff-base-millis", "20");
        s.put("lms.http.max-attempts", "4");
        s.put("lms.google.enabled", "true");
        s.put("lms.google.classroom-url", google.baseUrl());
        s.put("lms.google.reports-url", google.baseUrl());
        s.put("lms.google.service-account-file", input(google.writeServiceAccountKey(dir.resolve("google-key.json"))).toString());
        s.put("lms.google.admin-email", google.adminEmail());
        s.put("lms.google.requests-per-second", "1000");
        s.put("lms.schoology.enabled", "true");
        s.put("lms.schoology.base-url", schoology.apiBaseUrl());
        s.put("lms.schoology.key", schoology.consumerKey());
        s.put("lms.schoology.secret", schoology.consumerSecret());
        s.put("lms.schoology.requests-per-second", "1000");
        s.put("lms.canvas.enabled", "true");
        s.put("lms.canvas.base-url", canvas.baseUrl());
        s.put("lms.canvas.access-token", canvas.accessToken());
        s.put("lms.canvas.requests-per-second", "1000");
        return s;
    }

    /** A bad record, a 503 twice and a 429 for each LMS; each is retried or stored as an error row. */
    private void injectFaults() {
        google.faults().injectNext(1, "/v1/courses", Fault.record(RecordFault.MISSING_IDENTITY));
        google.faults().injectNext(2, "/v1/", Fault.serverError(503));
        google.faults().injectNext(1, "/v1/", Fault.tooManyRequests());
        schoology.faults().injectNext(1, "/v1/users", Fault.record(RecordFault.MISSING_IDENTITY));
        schoology.faults().injectNext(2, "/v1/", Fault.serverError(503));
        schoology.faults().injectNext(1, "/v1/", Fault.tooManyRequests());
        canvas.faults().injectNext(1, "/api/v1/accounts/self/courses", Fault.record(RecordFault.MISSING_IDENTITY));
        canvas.faults().injectNext(2, "/api/v1/", Fault.serverError(503));
        canvas.faults().injectNext(1, "/api/v1/", Fault.tooManyRequests());
    }

    /** Expires Google's access tokens once the run is under way, so the app meets a 401 and refreshes. */
    private Thread expireGoogleTokensAfter(int requests) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (google.requestLog().size() < requests && System.nanoTime() < deadline) {
                sleep();
            }
            google.expireAllTokens();
        }, "expire-google-tokens");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Wrong Canvas token and Schoology secret, and a Google key file signed by a key the simulator does not know. */
    private Map<String, String> wrongCredentials(Map<String, String> good) throws Exception {
        Map<String, String> s = new LinkedHashMap<>(good);
        String token = distinctive("cvsW");
        String secret = distinctive("sgyW");
        secrets.add("wrong Canvas token", token);
        secrets.add("wrong Schoology secret", secret);
        s.put("lms.canvas.access-token", token);
        s.put("lms.schoology.secret", secret);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        String kid = HexFormat.of().formatHex(bytes(20));
        secrets.addPem("wrong Google private key", pem);
        secrets.add("wrong Google key id", kid);
        ObjectNode key = (ObjectNode) TestApi.JSON.readTree(google.serviceAccountKeyJson());
        key.put("private_key", pem).put("private_key_id", kid);
        Path file = input(dir.resolve("wrong-google-key.json"));
        Files.writeString(file, TestApi.JSON.writeValueAsString(key));
        s.put("lms.google.service-account-file", file.toString());
        return s;
    }

    /** The real key file cut inside its private key, or whole with its key lines in the wrong order (not a key). */
    private Path brokenKeyFile(String how) throws IOException {
        String json = google.serviceAccountKeyJson();
        String broken;
        if (how.equals("truncated")) {
            int at = json.indexOf("-----BEGIN PRIVATE KEY-----");
            broken = json.substring(0, at + 400);
        } else {
            ObjectNode key = (ObjectNode) TestApi.JSON.readTree(json);
            List<String> lines = new ArrayList<>(List.of(key.get("private_key").asText().split("\n")));
            java.util.Collections.swap(lines, 1, lines.size() - 2);
            broken = TestApi.JSON.writeValueAsString(key.put("private_key", String.join("\n", lines)));
        }
        Path file = input(dir.resolve("google-key-" + how + ".json"));
        Files.writeString(file, broken);
        return file;
    }

    private AppProcess.Outcome once(String name, Map<String, String> settings, String... extra) throws Exception {
        Properties p = new Properties();
        p.putAll(settings);
        Path file = input(dir.resolve(name + ".properties"));
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, null);
        }
        List<String> args = new ArrayList<>(List.of("once", "--config", file.toString()));
        args.addAll(List.of(extra));
        long t0 = System.nanoTime();
        AppProcess.Outcome outcome = AppProcess.launch(dir, name, false, args.toArray(String[]::new))
                .finish(java.time.Duration.ofSeconds(180));
        runs.put(name, outcome);
        System.out.printf("secrets: run %s exited %d in %.1f s%n", name, outcome.exit(), (System.nanoTime() - t0) / 1e9);
        return outcome;
    }

    private List<String> scanEverything() throws Exception {
        List<String> all = new ArrayList<>();
        for (Map.Entry<String, AppProcess.Outcome> run : runs.entrySet()) {
            all.addAll(place("stdout", secrets.hits("stdout of " + run.getKey(), run.getValue().stdout())));
            all.addAll(place("stderr (the app's log)", secrets.hits("stderr of " + run.getKey(), run.getValue().stderr())));
        }
        for (Map.Entry<String, String> table : tableTexts().entrySet()) {
            String kind = table.getKey().startsWith("sync_") ? "DB " + table.getKey() : "DB resource tables (every text column)";
            all.addAll(place(kind, secrets.hits("table " + table.getKey(), table.getValue())));
        }
        // the messages of the failures: resource errors and error rows (already in the table scan, named here)
        String messages = String.join("\n", query("SELECT error AS m FROM sync_run_resources WHERE error IS NOT NULL"
                + " UNION ALL SELECT reason FROM sync_errors").stream().map(r -> String.valueOf(r.get("m"))).toList());
        assertTrue(messages.contains("credentials were rejected"), messages);
        all.addAll(place("exception messages (resource errors, error reasons)", secrets.hits("messages", messages)));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !inputs.contains(f) && !isOutput(f)).toList()) {
                // raw bytes: free pages and the WAL hold what the tables no longer show
                String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                all.addAll(place("files the runs wrote (raw bytes, DB and WAL too)", secrets.hits("file " + f.getFileName(), raw)));
            }
        }
        all.addAll(urls("Google", google.requestLog()));
        all.addAll(urls("Schoology", schoology.requestLog()));
        assertTrue(canvas.requestLog().entries().stream().allMatch(RequestLog.Entry::hasAuthorization),
                "Canvas requests without an Authorization header");
        all.addAll(urls("Canvas", canvas.requestLog()));
        return all;
    }

    private List<String> urls(String lms, RequestLog log) {
        StringBuilder urls = new StringBuilder();
        log.entries().forEach(e -> urls.append(e.path()).append('?').append(e.rawQuery() == null ? "" : e.rawQuery()).append('\n'));
        assertTrue(urls.length() > 0, lms + " saw no request");
        return place(lms + " simulator's request URLs (path and query)", secrets.hits(lms + " URLs", urls.toString()));
    }

    private List<String> place(String kind, List<String> hits) {
        SuiteLedger.record(SuiteLedger.SECRETS, kind, secrets.size(), hits.isEmpty());
        return hits;
    }

    /** Every table's text cells, joined, by table name (every table sqlite_master lists). */
    private Map<String, String> tableTexts() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = org.lmssync.TestDb.connect(db); Statement st = c.createStatement()) {
            List<String> tables = org.lmssync.TestDb.tables(c, "");
            assertTrue(tables.containsAll(List.of("sync_runs", "sync_errors", "sync_run_resources", "canvas_courses")), tables.toString());
            for (String table : tables) {
                StringBuilder text = new StringBuilder();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= cols; i++) {
                            Object v = rs.getObject(i);
                            if (v instanceof String || v instanceof byte[]) {
                                text.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : v).append('\n');
                            }
                        }
                    }
                }
                out.put(table, text.toString());
            }
        }
        return out;
    }

    private Path input(Path file) {
        inputs.add(file);
        return file;
    }

    private static boolean isOutput(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".stdout") || name.endsWith(".stderr");
    }

    /** A prefix and 32 random hex digits: never in generated data by chance. */
    private String distinctive(String prefix) {
        return prefix + HexFormat.of().formatHex(bytes(16));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
