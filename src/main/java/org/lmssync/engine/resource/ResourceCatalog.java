package org.lmssync.engine.resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;

/**
 * Every resource declared in YAML, read from the routes the {@code lms-sync-resource} template
 * made. It answers "which resources does this LMS have, in dependency order" and "who are the
 * children of this resource" (for cascading deletions).
 */
public final class ResourceCatalog {
    private final Map<String, ResourceDefinition> byKey = new LinkedHashMap<>();

    public static ResourceCatalog of(Collection<ResourceDefinition> defs) {
        ResourceCatalog c = new ResourceCatalog();
        c.load(defs);
        return c;
    }

    /** Fills an empty catalog (the app binds it before Camel has read the YAML). */
    public synchronized void load(Collection<ResourceDefinition> defs) {
        if (!byKey.isEmpty()) {
            throw new IllegalStateException("the resource catalog is already loaded");
        }
        ResourceCatalog c = this;
        for (ResourceDefinition d : defs) {
            if (c.byKey.put(d.key(), d) != null) {
                throw new IllegalArgumentException("resource " + d.key() + " is declared twice");
            }
        }
        for (ResourceDefinition d : defs) {
            if (d.parent() != null && !c.byKey.containsKey(d.lms() + "/" + d.parent())) {
                throw new IllegalArgumentException("resource " + d.key() + ": parent '" + d.parent() + "' is not a resource of " + d.lms());
            }
        }
        for (ResourceDefinition d : defs) {
            c.checkNoCycle(d);
            c.checkParentColumns(d);
        }
    }

    /**
     * Reads the definitions of the active LMSs' resources from the template-made routes of a
     * configured context. Other LMSs' declarations are not read: their keys (URLs) may be unset.
     */
    public static List<ResourceDefinition> fromRoutes(CamelContext context, java.util.Set<String> activeLms) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        List<ResourceDefinition> defs = new ArrayList<>();
        for (RouteDefinition route : model.getRouteDefinitions()) {
            Map<String, Object> params = route.getTemplateParameters();
            if (!route.isCreatedFromTemplate() || params == null || !params.containsKey("lms") || !params.containsKey("identity")
                    || !activeLms.contains(String.valueOf(params.get("lms")))) {
                continue;
            }
            Map<String, Object> resolved = new HashMap<>();
            params.forEach((k, v) -> resolved.put(k, v == null ? null : context.resolvePropertyPlaceholders(v.toString())));
            ResourceDefinition def = ResourceDefinition.fromParameters(resolved);
            if (!def.routeId().equals(route.getRouteId())) {
                throw new IllegalArgumentException("resource " + def.key() + ": its templatedRoute routeId must be '"
                        + def.routeId() + "', not '" + route.getRouteId() + "'");
            }
            defs.add(def);
        }
        return defs;
    }

    public ResourceDefinition get(String lms, String name) {
        ResourceDefinition d = byKey.get(lms + "/" + name);
        if (d == null) {
            throw new IllegalArgumentException("no resource " + lms + "/" + name);
        }
        return d;
    }

    /** By {@code <lms>/<resource>}. */
    public ResourceDefinition byKey(String key) {
        ResourceDefinition d = key == null ? null : byKey.get(key);
        if (d == null) {
            throw new IllegalArgumentException("no resource " + key + " (is the route made from the lms-sync-resource template?)");
        }
        return d;
    }

    /**
     * Completes the template-made routes of lms-sync-resource from their parameters: names those
     * given no id {@code sync-<lms>-<resource>}, so the YAML needs no hand-typed ids, and points
     * the lane split at the LMS's own thread pool (Camel does not resolve template parameters in
     * an executor reference). Installed on the context's model before the YAML is loaded.
     */
    public static org.apache.camel.model.ModelLifecycleStrategy derivedRouteIds(CamelContext context) {
        return new org.apache.camel.model.ModelLifecycleStrategy() {
            @Override
            public void onAddRouteDefinition(RouteDefinition route) {
                Map<String, Object> p = route.getTemplateParameters();
                if (!route.isCreatedFromTemplate() || p == null || !p.containsKey("lms") || !p.containsKey("resource")
                        || !p.containsKey("identity")) {
                    return;
                }
                String lms = context.resolvePropertyPlaceholders(String.valueOf(p.get("lms")));
                if (!route.hasCustomIdAssigned()) {
                    route.setId(ResourceDefinition.routeId(lms, context.resolvePropertyPlaceholders(String.valueOf(p.get("resource")))));
                }
                pointPoolsAt(route.getOutputs(), lms);
            }

            private void pointPoolsAt(List<org.apache.camel.model.ProcessorDefinition<?>> outputs, String lms) {
                for (org.apache.camel.model.ProcessorDefinition<?> d : outputs) {
                    if (d instanceof org.apache.camel.model.SplitDefinition split && split.getExecutorService() != null) {
                        split.setExecutorService(split.getExecutorService().replace("{{lms}}", lms));
                    }
                    pointPoolsAt(d.getOutputs(), lms);
                }
            }

            @Override
            public void onRemoveRouteDefinition(RouteDefinition route) {
            }

            @Override
            public void onAddRouteTemplateDefinition(org.apache.camel.model.RouteTemplateDefinition template) {
            }

            @Override
            public void onRemoveRouteTemplateDefinition(org.apache.camel.model.RouteTemplateDefinition template) {
            }
        };
    }

    public Collection<ResourceDefinition> all() {
        return byKey.values();
    }

    /** The LMS's resources, parents before children, otherwise in declaration order. */
    public List<ResourceDefinition> inOrder(String lms) {
        List<ResourceDefinition> out = new ArrayList<>();
        for (ResourceDefinition d : byKey.values()) {
            if (d.lms().equals(lms)) {
                addWithParents(d, out);
            }
        }
        return out;
    }

    private void addWithParents(ResourceDefinition d, List<ResourceDefinition> out) {
        if (out.contains(d)) {
            return;
        }
        if (d.parent() != null) {
            addWithParents(get(d.lms(), d.parent()), out);
        }
        out.add(d);
    }

    public List<ResourceDefinition> children(ResourceDefinition parent) {
        List<ResourceDefinition> out = new ArrayList<>();
        for (ResourceDefinition d : byKey.values()) {
            if (d.lms().equals(parent.lms()) && parent.name().equals(d.parent())) {
                out.add(d);
            }
        }
        return out;
    }

    /** The resource at the top of {@code d}'s parents ({@code d} itself when it has none). */
    public ResourceDefinition root(ResourceDefinition d) {
        ResourceDefinition root = d;
        while (root.parent() != null) {
            root = get(root.lms(), root.parent());
        }
        return root;
    }

    private void checkNoCycle(ResourceDefinition d) {
        ResourceDefinition p = d;
        for (int depth = 0; p.parent() != null; depth++) {
            if (depth > byKey.size()) {
                throw new IllegalArgumentException("resource " + d.key() + ": its parents form a cycle");
            }
            p = get(p.lms(), p.parent());
        }
    }

    private void checkParentColumns(ResourceDefinition d) {
        if (d.parent() == null) {
            return;
        }
        List<String> parentCols = get(d.lms(), d.parent()).identityColumns();
        java.util.Set<String> used = new java.util.HashSet<>(d.placeholders());
        used.removeAll(List.of("date", "start", "end", "watermark"));
        for (IdentityColumn c : d.identity()) {
            if (c.source() instanceof ValueSource.ParentColumn pc) {
                used.add(pc.column());
            }
        }
        for (String col : used) {
            if (!parentCols.contains(col)) {
                throw new IllegalArgumentException("resource " + d.key() + ": {" + col + "} / @parent." + col
                        + " is not an identity column of its parent " + d.parent() + " " + parentCols);
            }
        }
    }
}
