package org.lmssync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Record-level fault helpers for list pages held in a JSON array. Simulators combine these with
 * their own cursor handling (which differs per API) in a {@link RecordFaultHook}.
 */
public final class JsonRecordFaults {
    /** Placeholder written into malformed records. */
    public static final String GARBAGE = "not-a-valid-value";
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    private JsonRecordFaults() {
    }

    /**
     * Applies MALFORMED_RECORD, GARBLED_RECORD, MISSING_IDENTITY or DUPLICATE_RECORD to the middle record of
     * {@code records}. Returns false if the array is empty or the fault is not record-local.
     *
     * @param identityField top-level field that identifies a record (removed for MISSING_IDENTITY,
     *                      kept for MALFORMED_RECORD so the bad record can still be named)
     */
    public static boolean apply(RecordFault fault, ArrayNode records, String identityField) {
        if (records.isEmpty()) {
            return false;
        }
        int i = records.size() / 2;
        JsonNode rec = records.get(i);
        switch (fault) {
            case MALFORMED_RECORD -> {
                if (rec instanceof ObjectNode o) {
                    malform(o, identityField);
                } else {
                    records.set(i, TextNode.valueOf(GARBAGE));
                }
                return true;
            }
            case GARBLED_RECORD -> {
                records.set(i, TextNode.valueOf(GARBAGE));
                return true;
            }
            case MISSING_IDENTITY -> {
                if (rec instanceof ObjectNode o) {
                    o.remove(identityField);
                    return true;
                }
                return false;
            }
            case DUPLICATE_RECORD -> {
                // Appended so the page still holds every real record once, plus one repeat.
                records.add(rec.deepCopy());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Keeps the identity field, turns timestamp strings into garbage and nested objects or
     * arrays into strings, so a strict reader rejects the record.
     */
    public static void malform(ObjectNode record, String identityField) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        boolean changed = false;
        for (String name : names) {
            if (name.equals(identityField)) {
                continue;
            }
            JsonNode v = record.get(name);
            if (v.isContainerNode() || (v.isTextual() && TIMESTAMP.matcher(v.asText()).matches())) {
                record.put(name, GARBAGE);
                changed = true;
            }
        }
        if (!changed) {
            record.put("updateTime", GARBAGE);
        }
    }

    /** The first array-valued top-level field not in {@code skip}, with its name. */
    public static Map.Entry<String, ArrayNode> firstArray(ObjectNode page, String... skip) {
        for (var it = page.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue() instanceof ArrayNode a && !List.of(skip).contains(e.getKey())) {
                return Map.entry(e.getKey(), a);
            }
        }
        return null;
    }
}
