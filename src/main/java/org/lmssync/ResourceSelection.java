package org.lmssync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.config.ConfigException;
import org.lmssync.config.EngineConfig;
import org.lmssync.config.Settings;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.resource.Strategy;
import org.lmssync.engine.spi.LmsRegistry;

/** Which resources each LMS syncs ({@code lms.<lms>.resources}; absent: all it declares), checked against the routes. */
final class ResourceSelection {
    private ResourceSelection() {
    }

    /** Per LMS that names its resources, the names in order. */
    static Map<String, List<String>> from(Settings settings, LmsRegistry registry) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (LmsRegistry.Lms l : registry.all()) {
            settings.find("lms." + l.name() + ".resources")
                    .ifPresent(v -> out.put(l.name(), List.of(v.split("\\s*,\\s*"))));
        }
        return out;
    }

    /**
     * Every active LMS declares resources, every selected name is declared, and a date-fetched
     * resource that will run has a school-year start to begin from.
     */
    static void check(ResourceCatalog catalog, List<String> active, Map<String, List<String>> selected, EngineConfig config) {
        for (String lms : active) {
            List<ResourceDefinition> declared = catalog.inOrder(lms);
            List<String> known = declared.stream().map(ResourceDefinition::name).toList();
            if (known.isEmpty()) {
                throw new ConfigException("lms." + lms + ".enabled", "no resources of " + lms + " are declared in the routes");
            }
            List<String> only = selected.get(lms);
            for (String name : only == null ? List.<String>of() : only) {
                if (!known.contains(name)) {
                    throw new ConfigException("lms." + lms + ".resources", "unknown resource '" + name + "' (known: "
                            + String.join(", ", known) + ")");
                }
            }
            for (ResourceDefinition d : declared) {
                if ((only == null || only.contains(d.name())) && d.strategy() == Strategy.BY_DATE && config.schoolYearStart().isEmpty()) {
                    throw new ConfigException("lms.school-year-start", "is required for the date-fetched resource " + d.key());
                }
            }
        }
    }
}
