package org.lmssync.engine.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lmssync.engine.http.Urls;
import org.lmssync.store.Schema;

/**
 * One paged resource, as declared by a {@code templatedRoute} of the {@code lms-sync-resource}
 * template in {@code routes/*.yaml}. Built once at start-up; every name that reaches SQL is
 * checked here.
 */
public record ResourceDefinition(
        String lms,
        String name,
        String table,
        String url,
        Map<String, String> query,
        Paging paging,
        String pageSizeParam,
        Integer pageSize,
        FieldPath itemsField,
        List<IdentityColumn> identity,
        String parent,
        Strategy strategy,
        FieldPath sourceCreated,
        FieldPath sourceModified,
        List<FieldPath> watermarkFields,
        List<Map<String, String>> incrementalQueries,
        Integer windowDays,
        FieldPath asOfField,
        FieldPath partialField,
        Set<String> partialCodes,
        Map<String, String> deletionCheckQuery) {

    public static final String TEMPLATE_ID = "lms-sync-resource";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");

    /** The route id, and the {@code direct:} endpoint, of a resource. */
    public static String routeId(String lms, String resource) {
        return "sync-" + lms + "-" + resource;
    }

    public String routeId() {
        return routeId(lms, name);
    }

    public String key() {
        return lms + "/" + name;
    }

    /** The identity column names, in declaration order. */
    public List<String> identityColumns() {
        return identity.stream().map(IdentityColumn::column).toList();
    }

    /** Builds a definition from template parameters, with clear messages for bad values. */
    public static ResourceDefinition fromParameters(Map<String, Object> raw) {
        Function<String, String> p = k -> {
            Object v = raw.get(k);
            return v == null ? "" : v.toString().trim();
        };
        String lms = Schema.identifier("lms", p.apply("lms"));
        String name = Schema.identifier("resource", p.apply("resource"));
        String where = "resource " + lms + "/" + name + ": ";
        try {
            String url = p.apply("url");
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("url must be absolute http(s), not '" + url + "'");
            }
            Strategy strategy = Strategy.parse(p.apply("strategy").isEmpty() ? "full" : p.apply("strategy"));
            List<IdentityColumn> identity = IdentityColumn.parseList(p.apply("identity"));
            String parent = p.apply("parent").isEmpty() ? null : Schema.identifier("parent", p.apply("parent"));
            FieldPath modified = optionalPath(p.apply("sourceModified"));
            List<FieldPath> watermark = paths(p.apply("watermarkField"));
            if (watermark.isEmpty() && modified != null) {
                watermark = List.of(modified);
            }
            if (strategy == Strategy.WATERMARK && watermark.isEmpty()) {
                throw new IllegalArgumentException("a watermark resource needs watermarkField or sourceModified");
            }
            List<Map<String, String>> incremental = new java.util.ArrayList<>();
            for (String alt : p.apply("incrementalQueries").split("\\|")) {
                if (!alt.isBlank()) {
                    incremental.add(parseQuery(alt.trim()));
                }
            }
            if (!incremental.isEmpty() && strategy != Strategy.WATERMARK) {
                throw new IllegalArgumentException("incrementalQueries is only for the watermark strategy");
            }
            Integer windowDays = optionalInt(p.apply("windowDays"), "windowDays");
            ResourceDefinition def = new ResourceDefinition(lms, name, lms + "_" + name, url,
                    parseQuery(p.apply("query")), Paging.of(p.apply("paging")),
                    p.apply("pageSizeParam").isEmpty() ? "per_page" : p.apply("pageSizeParam"),
                    optionalInt(p.apply("pageSize"), "pageSize"),
                    optionalPath(p.apply("itemsField")), identity, parent, strategy,
                    optionalPath(p.apply("sourceCreated")), modified, watermark, List.copyOf(incremental), windowDays,
                    optionalPath(p.apply("asOfField")), optionalPath(p.apply("partialField")),
                    Set.of(p.apply("partialCodes").isEmpty() ? new String[0] : p.apply("partialCodes").split("\\s*,\\s*")),
                    parseQuery(p.apply("deletionCheckQuery")));
            if (!def.deletionCheckQuery().isEmpty() && strategy != Strategy.FULL) {
                throw new IllegalArgumentException("deletionCheckQuery is only for the full strategy");
            }
            def.checkPlaceholders();
            Schema.identifier("table", def.table());
            return def;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private void checkPlaceholders() {
        for (String name : placeholders()) {
            boolean known = switch (name) {
                case "date", "start", "end", "watermark" -> true;
                default -> parent != null;
            };
            if (!known) {
                throw new IllegalArgumentException("{" + name + "} in the url or query needs a parent resource");
            }
            if ((name.equals("date") || name.equals("start") || name.equals("end")) && strategy != Strategy.BY_DATE) {
                throw new IllegalArgumentException("{" + name + "} is only for the by-date strategy");
            }
        }
        if (strategy == Strategy.BY_DATE && !(placeholders().contains("date")
                || placeholders().contains("start") && placeholders().contains("end"))) {
            throw new IllegalArgumentException("a by-date resource needs {date}, or {start} and {end}, in its url or query");
        }
        for (IdentityColumn c : identity) {
            if (c.source() instanceof ValueSource.ParentColumn && parent == null) {
                throw new IllegalArgumentException("identity " + c.column() + " reads @parent but the resource has no parent");
            }
            if (c.source() instanceof ValueSource.RequestDate && strategy != Strategy.BY_DATE) {
                throw new IllegalArgumentException("identity " + c.column() + " reads @date but the resource is not by-date");
            }
        }
    }

    /** Placeholder names used in the url and the query values. */
    public Set<String> placeholders() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        collect(url, names);
        query.values().forEach(v -> collect(v, names));
        incrementalQueries.forEach(q -> q.values().forEach(v -> collect(v, names)));
        return names;
    }

    private static void collect(String text, Set<String> into) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    /** The request URL for a scope: placeholders filled and encoded, the static query appended. */
    public String expand(Map<String, String> values) {
        return expand(values, Map.of());
    }

    /** As {@link #expand(Map)}, with extra query parameters (an incremental variant's). */
    public String expand(Map<String, String> values, Map<String, String> extraQuery) {
        StringBuilder out = new StringBuilder(fill(url, values, true));
        char sep = url.indexOf('?') < 0 ? '?' : '&';
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(extraQuery);
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (!hasValues(e.getValue(), values)) {
                // A query parameter whose placeholder has no value (no watermark yet) is left out.
                continue;
            }
            String key = e.getKey();
            int suffix = key.indexOf('\u0000');
            out.append(sep).append(Urls.encode(suffix < 0 ? key : key.substring(0, suffix))).append('=').append(Urls.encode(fill(e.getValue(), values, false)));
            sep = '&';
        }
        return out.toString();
    }

    private static boolean hasValues(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (values.get(m.group(1)) == null) {
                return false;
            }
        }
        return true;
    }

    private static String fill(String text, Map<String, String> values, boolean encode) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} in " + text);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(encode ? Urls.encode(v) : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Map<String, String> parseQuery(String text) {
        Map<String, String> q = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return q;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("query part '" + pair + "' is not name=value");
            }
            // Repeated names (state[]=a&state[]=b) are kept apart by a suffix that expand() drops.
            String key = pair.substring(0, eq).trim();
            String unique = key;
            for (int i = 2; q.containsKey(unique); i++) {
                unique = key + "\u0000" + i;
            }
            q.put(unique, pair.substring(eq + 1).trim());
        }
        return java.util.Collections.unmodifiableMap(q);
    }

    private static List<FieldPath> paths(String text) {
        List<FieldPath> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(FieldPath.parse(part.trim()));
            }
        }
        return List.copyOf(out);
    }

    private static FieldPath optionalPath(String text) {
        return text.isEmpty() ? null : FieldPath.parse(text);
    }

    private static Integer optionalInt(String text, String what) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw new IllegalArgumentException(what + " must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not '" + text + "'");
        }
    }
}
