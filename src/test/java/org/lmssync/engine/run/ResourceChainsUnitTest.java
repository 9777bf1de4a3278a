package org.lmssync.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.http.Redactor;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.resource.ResourceDefinition;

/**
 * Which resources of a run may run side by side ({@link SyncRunner#stages}): a chain per root
 * resource with its descendants in dependency order, the run's first resource alone before them
 * (so rejected credentials cost one request), and with {@code concurrency=1} the one order of old.
 */
class ResourceChainsUnitTest {
    private final ResourceDefinition courses = CoreFixture.resource("courses", null, "https://t/v1/courses", "id=id");
    private final ResourceDefinition sections = CoreFixture.resource("sections", "courses",
            "https://t/v1/courses/{id}/sections", "course_id=@parent.id, id=id");
    private final ResourceDefinition users = CoreFixture.resource("users", null, "https://t/v1/users", "id=id");
    private final ResourceDefinition enrollments = CoreFixture.resource("enrollments", "sections",
            "https://t/v1/sections/{id}/enrollments", "section_id=@parent.id, id=id");
    private final ResourceDefinition logins = CoreFixture.resource("logins", "users",
            "https://t/v1/users/{id}/logins", "user_id=@parent.id, id=id");
    private final List<ResourceDefinition> inOrder = List.of(courses, sections, users, enrollments, logins);
    private final SyncRunner runner = new SyncRunner(null, ResourceCatalog.of(inOrder), null, "once", Map.of(),
            new Redactor(), RunObserver.NONE, null);

    private static List<List<List<String>>> names(List<List<List<ResourceDefinition>>> stages) {
        return stages.stream().map(s -> s.stream().map(c -> c.stream().map(ResourceDefinition::name).toList()).toList()).toList();
    }

    @Test
    void eachRootResourceLeadsAChainOfItsDescendantsAndTheFirstResourceGoesAlone() {
        assertEquals(List.of(List.of("courses", "sections", "enrollments"), List.of("users", "logins")),
                runner.chains(inOrder, 8).stream().map(c -> c.stream().map(ResourceDefinition::name).toList()).toList());
        assertEquals(List.of(List.of(List.of("courses")),
                        List.of(List.of("sections", "enrollments"), List.of("users", "logins"))),
                names(runner.stages(inOrder, 8)));
    }

    @Test
    void oneListingAtATimeKeepsTheOneOrderAndASelectionKeepsItsDependencies() {
        assertEquals(List.of(List.of(List.of("courses", "sections", "users", "enrollments", "logins"))),
                names(runner.stages(inOrder, 1)));
        // lms.<lms>.resources without the roots: a child still belongs to its root's chain
        assertEquals(List.of(List.of(List.of("sections")), List.of(List.of("enrollments"), List.of("logins"))),
                names(runner.stages(List.of(sections, enrollments, logins), 4)));
        assertEquals(List.of(List.of(List.of("users", "logins"))), names(runner.stages(List.of(users, logins), 4)),
                "one chain: nothing to run side by side");
        assertEquals(List.of(), runner.stages(List.of(), 4));
    }
}
