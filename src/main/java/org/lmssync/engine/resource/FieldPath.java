package org.lmssync.engine.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A dotted path into a JSON record, such as {@code profile.id} or {@code links.next}. As an
 * {@code itemsField} a step may end in {@code []} to go through every element of a list, e.g.
 * {@code date[].statuses.status[].attendances.attendance} (see {@link #list(int)}).
 */
public record FieldPath(List<String> parts) {
    private static final Pattern PART = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$:-]*(\\[])?");

    public static FieldPath parse(String text) {
        List<String> parts = List.of(text.trim().split("\\."));
        for (String p : parts) {
            if (!PART.matcher(p).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a field path (name.name...)");
            }
        }
        return new FieldPath(parts);
    }

    /** The field name of step {@code i}, without a {@code []} suffix. */
    public String name(int i) {
        String p = parts.get(i);
        return p.endsWith("[]") ? p.substring(0, p.length() - 2) : p;
    }

    /** Whether step {@code i} goes through every element of a list ({@code name[]}). */
    public boolean list(int i) {
        return parts.get(i).endsWith("[]");
    }

    /** The value at this path, or null when any step is missing or JSON null. */
    public JsonNode find(JsonNode node) {
        JsonNode n = node;
        for (String p : parts) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(p);
        }
        return n == null || n.isNull() ? null : n;
    }

    /** The scalar at this path as text (numbers keep their JSON spelling), or null. */
    public String text(JsonNode node) {
        JsonNode v = find(node);
        if (v == null || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
