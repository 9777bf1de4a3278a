package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The jar names its YAML files instead of scanning for them: the names must match the folders. */
class PackagedRoutesTest {

    @Test
    void theNamedRouteFilesAreExactlyTheFilesOfTheRouteFolders() throws IOException {
        assertEquals(yaml(Path.of("routes")), Set.copyOf(SyncCommand.PACKAGED_ROUTES.values()),
                "a file added to routes/ must be named in SyncCommand.PACKAGED_ROUTES");
        assertEquals(yaml(Path.of("src/main/resources/camel")), Set.copyOf(SyncCommand.ENGINE_ROUTES));
    }

    private static Set<String> yaml(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).collect(Collectors.toSet());
        }
    }
}
