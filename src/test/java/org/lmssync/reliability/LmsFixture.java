package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.RequestLog;

/**
 * One LMS product simulator started for one test, with what the real app needs to reach it and
 * what it must end up storing. Every fixture syncs three resources: a paged root resource that
 * the faults hit, a child of it, and an independent root that must go on when the first fails.
 * The LMSs differ only in values and three hooks, so this is data: each product's class (such as
 * {@link CanvasFixture}) starts its simulator and fills one in.
 *
 * @param simulator  the simulator itself, for product-only faults such as Canvas's permission refusal
 * @param root       the resource the faults hit: a top-level listing of several pages
 * @param rootPath   the exact request path of {@code root}'s listing (every page has it)
 * @param otherRoot  a top-level resource that does not depend on {@code root}
 * @param resources  root, its child, otherRoot: the resources each sync runs, in dependency order
 * @param access     the product's own keys (URLs, credentials) that point the app at the simulator
 * @param rejecter   changes a config so that the LMS rejects the credentials (HTTP 401)
 * @param truths     the truth for each of {@code resources}, read from the simulator when called
 */
record LmsFixture(String lms, AutoCloseable simulator, Faults faults, RequestLog requestLog, String root, String rootPath,
        String otherRoot, List<String> resources, int pageSize, Function<Path, Map<String, String>> access,
        Consumer<Map<String, String>> rejecter, Supplier<List<Table>> truths) implements AutoCloseable {

    /** The three LMSs, as test parameters. */
    enum Lms {
        CANVAS(CanvasFixture::start), GOOGLE(GoogleFixture::start), SCHOOLOGY(SchoologyFixture::start);

        private final Function<Path, LmsFixture> starter;

        Lms(Function<Path, LmsFixture> starter) {
            this.starter = starter;
        }

        LmsFixture start(Path dir) {
            return starter.apply(dir);
        }

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
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
        Map<String, String> c = new HashMap<>(access.apply(dir));
        String p = "lms." + lms + ".";
        c.put(p + "enabled", "true");
        c.put(p + "requests-per-second", "1000");
        c.put(p + "page-size", Integer.toString(pageSize));
        c.put(p + "resources", String.join(",", resources));
        return c;
    }

    /** Changes {@code config} so that the LMS rejects the credentials (HTTP 401). */
    void rejectCredentials(Map<String, String> config) {
        rejecter.accept(config);
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
