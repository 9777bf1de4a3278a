package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.LmsSimulator;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.Simulators;

/**
 * One LMS product simulator started for one test, with what the real app needs to reach it and
 * what it must end up storing. Every fixture syncs three resources: a paged root resource that
 * the faults hit, a child of it, and an independent root that must go on when the first fails.
 * The simulator itself says how the app reaches it and how to make it refuse the credentials;
 * what differs per LMS is values and the truth, so this is data: each product's {@link Starter}
 * (such as {@link CanvasFixture}) starts its simulator and fills one in.
 *
 * @param simulator  the simulator itself, for product-only faults such as Canvas's permission refusal
 * @param root       the resource the faults hit: a top-level listing of several pages
 * @param rootPath   the exact request path of {@code root}'s listing (every page has it)
 * @param otherRoot  a top-level resource that does not depend on {@code root}
 * @param resources  root, its child, otherRoot: the resources each sync runs, in dependency order
 * @param overrides  keys laid over the simulator's own settings (e.g. the dates the truth covers)
 * @param truths     the truth for each of {@code resources}, read from the simulator when called
 */
record LmsFixture(LmsSimulator simulator, String root, String rootPath, String otherRoot, List<String> resources,
        int pageSize, Map<String, String> overrides, Supplier<List<Table>> truths) implements AutoCloseable {

    /** For {@code @MethodSource}: every LMS whose simulator this build has. */
    static final String EVERY_LMS = "org.lmssync.reliability.LmsFixture#everyLms";

    /**
     * A product's fixture, found with {@link ServiceLoader} (this test tree's
     * {@code META-INF/services}); every simulator of the build needs one.
     */
    interface Starter {
        String lms();

        LmsFixture start(Path dir);
    }

    /** An LMS as a test parameter: a simulator the build has (so no test types the list of LMSs). */
    record Lms(String id) {
        Lms {
            if (!Simulators.names().contains(id)) {
                throw new IllegalArgumentException("no simulator for '" + id + "' (have " + Simulators.names() + ")");
            }
        }

        static Lms named(String id) {
            return new Lms(id);
        }

        static List<Lms> all() {
            return Simulators.names().stream().map(Lms::new).toList();
        }

        LmsFixture start(Path dir) {
            for (Starter s : ServiceLoader.load(Starter.class)) {
                if (s.lms().equals(id)) {
                    return s.start(dir);
                }
            }
            throw new IllegalStateException("the " + id + " simulator has no reliability fixture: add an "
                    + Starter.class.getName() + " for it to the test services");
        }

        @Override
        public String toString() {
            return id;
        }
    }

    static List<Lms> everyLms() {
        return Lms.all();
    }

    String lms() {
        return simulator.lms();
    }

    Faults faults() {
        return simulator.faults();
    }

    RequestLog requestLog() {
        return simulator.requestLog();
    }

    /**
     * A resource's table, the SQL expression of its identity, the simulator's records by identity,
     * and for a child resource the field of a record that names its parent's id.
     */
    record Table(String resource, String table, String key, Map<String, JsonNode> rows, String parentField) {
        Table(String resource, String table, String key, Map<String, JsonNode> rows) {
            this(resource, table, key, rows, null);
        }

        /** The rows whose parent is not one of {@code parents}. */
        Map<String, JsonNode> withoutChildrenOf(java.util.Set<String> parents) {
            Map<String, JsonNode> out = new java.util.HashMap<>(rows);
            out.values().removeIf(r -> parentField != null && parents.contains(r.path(parentField).asText()));
            return out;
        }
    }

    /** Keys that point the app at this simulator with working credentials, throttles off. */
    Map<String, String> config(Path dir) {
        Map<String, String> c = new HashMap<>(simulator.settings(dir));
        c.putAll(overrides);
        String p = "lms." + lms() + ".";
        c.put(p + "enabled", "true");
        c.put(p + "requests-per-second", "1000");
        c.put(p + "page-size", Integer.toString(pageSize));
        c.put(p + "resources", String.join(",", resources));
        return c;
    }

    /** Changes {@code config} so that the LMS rejects the credentials (HTTP 401). */
    void rejectCredentials(Map<String, String> config) {
        config.putAll(simulator.rejectedCredentials());
    }

    /** The truth for each of {@link #resources()}, read from the simulator now. */
    List<Table> truth() {
        return truths.get();
    }

    @Override
    public void close() throws Exception {
        simulator.close();
    }

    static Map<String, JsonNode> byField(List<JsonNode> records, String field) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        records.forEach(r -> out.put(r.get(field).asText(), r));
        return out;
    }
}
