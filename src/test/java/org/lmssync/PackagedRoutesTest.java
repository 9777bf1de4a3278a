package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.spi.LmsAdapter;

/**
 * The jar names its YAML files instead of scanning for them: the names must match the folders.
 * The connectors' and engine's defaults must say what the documented application.properties says.
 */
class PackagedRoutesTest {

    @Test
    void theNamedRouteFilesAreExactlyTheFilesOfTheRouteFolders() throws IOException {
        Set<String> connectors = ServiceLoader.load(LmsAdapter.class).stream().map(ServiceLoader.Provider::get)
                .filter(a -> !a.name().equals("testlms")).map(LmsAdapter::routesFile).collect(Collectors.toSet());
        assertEquals(yaml(Path.of("routes")), connectors, "a file in routes/ must be a connector's routesFile()");
        assertEquals(yaml(Path.of("src/main/resources/lms-sync")),
                RouteFiles.ENGINE_YAML.stream().map(u -> u.substring(u.lastIndexOf('/') + 1)).collect(Collectors.toSet()));
    }

    @Test
    void theDocumentedPropertiesFileAgreesWithThePackagedDefaults() throws IOException {
        Properties documented = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("application.properties"))) {
            documented.load(r);
        }
        Map<String, String> defaults = new TreeMap<>(LmsSync.defaults());
        defaults.keySet().removeIf(k -> k.startsWith("lms.testlms."));
        Map<String, String> said = new TreeMap<>();
        defaults.keySet().forEach(k -> said.put(k, documented.getProperty(k) == null ? null : documented.getProperty(k).trim()));
        assertEquals(defaults, said, "application.properties documents every default with its value");
    }

    private static Set<String> yaml(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).collect(Collectors.toSet());
        }
    }
}
