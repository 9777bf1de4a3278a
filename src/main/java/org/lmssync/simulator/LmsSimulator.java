package org.lmssync.simulator;

import java.nio.file.Path;
import java.util.Map;

/**
 * One running LMS simulator as {@code demo}, the tests and the benchmark use it without naming
 * the LMS: where it listens, the keys that point lms-sync at it, its fault and request-log hooks,
 * the demo's change set, and stopping it. Started by its package's {@link SimulatorProvider}.
 */
public interface LmsSimulator extends AutoCloseable {

    /** The LMS name of the keys ({@code lms.<name>.*}) and tables this simulator stands in for. */
    String lms();

    /** http://127.0.0.1:PORT, no trailing slash. */
    String baseUrl();

    /**
     * The keys that point lms-sync at this simulator with working credentials: {@code lms.<lms>.enabled},
     * its URLs and credentials, and {@code lms.school-year-start} where the district has a school year.
     * Files the keys name (a key file) are written into {@code dir}.
     */
    Map<String, String> settings(Path dir);

    /** Keys that, laid over {@link #settings(Path)}, make this LMS reject the credentials (HTTP 401). */
    Map<String, String> rejectedCredentials();

    RequestLog requestLog();

    Faults faults();

    SimServer server();

    /** The demo's second round: applies a change set (adds, edits, deletes) and says what it did in one line. */
    String applyDemoChanges();

    @Override
    void close();
}
