package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmssync.SyncTestSupport;

/**
 * Names from a routes folder become table and column names, so each hostile one must stop the
 * start with exit 2 and one line quoting it, before any request or any table is made.
 * ({@code BadInputTest} covers the packaged hostile-routes file; this feeds many names through each place.)
 */
class HostileNamesTest extends SyncTestSupport {

    /** Where in the resource declaration a name goes, as a YAML fragment with {@code %s} for the (quoted) name. */
    enum Place {
        RESOURCE("resource", "items_link", "id", ""),
        IDENTITY_COLUMN("identity column", "items_link", "%s=id", ""),
        PARENT("parent", "items_child", "id", "%s"),
        PARENT_COLUMN("parent column", "items_child", "id, parent_id=@parent.%s", "items_link");

        final String label;
        final String resource;
        final String identity;
        final String parent;

        Place(String label, String resource, String identity, String parent) {
            this.label = label;
            this.resource = resource;
            this.identity = identity;
            this.parent = parent;
        }
    }

    static Stream<Arguments> hostileNames() {
        List<String> names = List.of(
                "x; DROP TABLE sync_runs",
                "a\"b",
                "a'b",
                "x--",
                "with space",
                "naïve",
                "ｉｄ",
                "Items",
                "1st",
                "a".repeat(64));
        // well-formed, but taken in every resource table: SQLite's rowid (the dedupe keeps MAX(rowid)) and a standard column
        List<String> taken = List.of("rowid", "json", "deleted_at");
        return Stream.of(
                names.stream().map(n -> Arguments.of(Place.IDENTITY_COLUMN, n)),
                taken.stream().map(n -> Arguments.of(Place.IDENTITY_COLUMN, n)),
                names.stream().limit(7).map(n -> Arguments.of(Place.RESOURCE, n)),
                Stream.of(Arguments.of(Place.PARENT, "x; DROP TABLE sync_runs"), Arguments.of(Place.PARENT_COLUMN, "a\"b")))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileNames")
    void aHostileNameStopsTheStartWithOneLineQuotingItAndNothingIsWritten(Place place, String name) throws Exception {
        Path routes = dir.resolve("routes");
        Files.createDirectories(routes);
        Files.writeString(routes.resolve("hostile.yaml"), yaml(place, name));
        config.put("lms.routes-dir", routes.toString());

        int exit = run("once");

        boolean rejected = exit == 2 && lastErr.startsWith("lms-sync: configuration error: ")
                && lastErr.contains("'" + name + "'")
                && lastErr.strip().lines().count() == 1;
        boolean nothingWritten = api.requests().isEmpty() && tablesOtherThanBookkeeping().isEmpty()
                && (!Files.exists(db) || scalar("SELECT COUNT(*) FROM sync_runs") == 0);
        SuiteLedger.record(SuiteLedger.BAD_INPUT, "hostile YAML name", 1, rejected && nothingWritten);
        assertTrue(rejected, place.label + " '" + name + "' gave exit " + exit + ": " + lastErr);
        assertTrue(nothingWritten, "requests " + api.requests() + ", tables " + tablesOtherThanBookkeeping());
    }

    private List<String> tablesOtherThanBookkeeping() throws Exception {
        if (!Files.exists(db)) {
            return List.of();
        }
        return query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sync\\_%' ESCAPE '\\'"
                + " AND name <> 'sqlite_sequence'").stream().map(r -> r.get("name").toString()).toList();
    }

    /** A test-LMS resource (and, for the parent places, its parent) with the name put in its place. */
    private static String yaml(Place place, String name) {
        // a YAML double-quoted scalar keeps every character of the name as it is
        String escaped = name.replace("\\", "\\\\").replace("\"", "\\\"");
        String parent = place.parent.isEmpty() ? null : place.parent.formatted(escaped);
        String child = resource(place.resource, place == Place.RESOURCE ? escaped : place.resource,
                place.identity.formatted(escaped), parent);
        return parent == null ? child : resource("items_link", "items_link", "id", null) + child;
    }

    private static String resource(String routeResource, String resource, String identity, String parent) {
        return """
                - templatedRoute:
                    routeTemplateRef: lms-sync-resource
                    routeId: sync-testlms-%s
                    parameters:
                      - name: lms
                        value: testlms
                      - name: resource
                        value: "%s"
                      - name: url
                        value: "{{test.api}}/link/items%s"
                      - name: paging
                        value: link
                      - name: identity
                        value: "%s"
                %s""".formatted(routeResource, resource, parent == null ? "" : "/{id}", identity,
                parent == null ? "" : "      - name: parent\n        value: \"" + parent + "\"\n");
    }
}
