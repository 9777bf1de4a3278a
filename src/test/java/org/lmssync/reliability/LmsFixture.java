package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.RequestLog;

/**
 * One LMS product simulator started for one test, with what the real app needs to reach it and
 * what it must end up storing. Every fixture syncs three resources: a paged root resource that
 * the faults hit, a child of it, and an independent root that must go on when the first fails.
 */
interface LmsFixture extends AutoCloseable {

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

    String lms();

    /** The resource the faults hit: a top-level listing of several pages. */
    String root();

    /** The exact request path of {@link #root()}'s listing (every page has it). */
    String rootPath();

    /** A top-level resource that does not depend on {@link #root()}. */
    String otherRoot();

    /** root, its child, otherRoot: the resources each sync runs, in dependency order. */
    List<String> resources();

    Faults faults();

    RequestLog requestLog();

    /** Keys that point the app at this simulator with working credentials, throttles off. */
    Map<String, String> config(Path dir);

    /** Changes {@code config} so that the LMS rejects the credentials (HTTP 401). */
    void rejectCredentials(Map<String, String> config);

    /** The truth for each of {@link #resources()}, read from the simulator now. */
    List<Table> truth();

    @Override
    void close();

    static Map<String, JsonNode> byField(List<JsonNode> records, String field) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        records.forEach(r -> out.put(r.get(field).asText(), r));
        return out;
    }
}
