package org.lmssync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.lmssync.config.ConfigException;
import org.lmssync.engine.spi.LmsRegistry;

/** The YAML lms-sync loads: the engine's own files, then the active LMSs' routes. */
final class RouteFiles {
    /** The shared error handling and the resource and schedule templates, named (a wildcard would scan the whole jar). */
    static final List<String> ENGINE_YAML = List.of("classpath:lms-sync/lms-sync-errors.camel.yaml",
            "classpath:lms-sync/lms-sync-resource.camel.yaml", "classpath:lms-sync/lms-sync-schedule.camel.yaml");

    private RouteFiles() {
    }

    /**
     * The engine's files, then every {@code *.yaml} of {@code routesDir} when it is a folder (a user's
     * edited copy of routes/), else the packaged routes file each active LMS's connector names.
     */
    static List<Resource> resolve(CamelContext context, String routesDir, LmsRegistry registry, List<String> active)
            throws IOException {
        List<Resource> out = new ArrayList<>();
        for (String uri : ENGINE_YAML) {
            out.add(resource(context, uri));
        }
        if (!routesDir.isBlank() && Files.isDirectory(Path.of(routesDir))) {
            try (var files = Files.list(Path.of(routesDir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    out.add(resource(context, "file:" + f.toAbsolutePath()));
                }
            }
            return out;
        }
        for (String lms : active) {
            out.add(resource(context, "classpath:routes/" + registry.get(lms).adapter().routesFile()));
        }
        return out;
    }

    private static Resource resource(CamelContext context, String uri) {
        Resource r = PluginHelper.getResourceLoader(context).resolveResource(uri);
        if (r == null || !r.exists()) {
            throw new ConfigException("routes", "cannot find " + uri);
        }
        return r;
    }
}
