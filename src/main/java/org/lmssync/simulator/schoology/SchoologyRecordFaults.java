package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.JsonRecordFaults;
import org.lmssync.simulator.RecordFault;
import org.lmssync.simulator.RecordFaultHook;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Record-level faults in Schoology envelopes. CURSOR_LOOP points links.next at links.self; the
 * others hit the middle item of the listing's array. Non-list or error responses pass unchanged.
 */
final class SchoologyRecordFaults implements RecordFaultHook {
    /** Items key -> fields that identify an item (users carry both uid and id). */
    private static final Map<String, Set<String>> IDENTITY = Map.of(
            "user", Set.of("uid", "id"),
            "role", Set.of("id"),
            "course", Set.of("id"),
            "section", Set.of("id"),
            "enrollment", Set.of("id"),
            "assignment", Set.of("id", "grade_item_id"),
            "revision", Set.of("uid"),
            "gradingperiods", Set.of("id"),
            "date", Set.of("date"));
    private static final Pattern NUMERIC_OR_DATE = Pattern.compile("-?\\d+(\\.\\d+)?|\\d{4}-\\d{2}-\\d{2}.*");

    private final JsonOut out;

    SchoologyRecordFaults(JsonOut out) {
        this.out = out;
    }

    @Override
    public SimResponse apply(RecordFault fault, SimRequest req, SimResponse normal) {
        if (normal.status() != 200 || !normal.isJson()) {
            return normal;
        }
        if (!(Json.read(normal.body()) instanceof ObjectNode page)) {
            return normal;
        }
        if (fault == RecordFault.CURSOR_LOOP) {
            if (!(page.get("links") instanceof ObjectNode links) || !links.has("self")) {
                return normal;
            }
            links.put("next", links.get("self").asText());
            return normal.withBody(out.bytes(page));
        }
        String key = IDENTITY.keySet().stream().filter(k -> page.get(k) instanceof ArrayNode).findFirst().orElse(null);
        if (key == null) {
            return normal;
        }
        ArrayNode items = (ArrayNode) page.get(key);
        if (items.isEmpty()) {
            return normal;
        }
        Set<String> identity = IDENTITY.get(key);
        JsonNode middle = items.get(items.size() / 2);
        switch (fault) {
            case MISSING_IDENTITY -> {
                if (middle instanceof ObjectNode o) {
                    identity.forEach(o::remove);
                }
            }
            case MALFORMED_RECORD -> {
                if (middle instanceof ObjectNode o) {
                    malform(o, identity);
                }
            }
            default -> JsonRecordFaults.apply(fault, items, identity.iterator().next());
        }
        return normal.withBody(out.bytes(page));
    }

    /** Keeps the identity; numbers, numeric strings, dates and nested values become garbage text. */
    static void malform(ObjectNode o, Set<String> identity) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        boolean changed = false;
        for (String name : names) {
            JsonNode v = o.get(name);
            if (identity.contains(name) || v.isNull()) {
                continue;
            }
            if (v.isNumber() || v.isContainerNode() || (v.isTextual() && NUMERIC_OR_DATE.matcher(v.asText()).matches())) {
                o.put(name, JsonRecordFaults.GARBAGE);
                changed = true;
            }
        }
        if (!changed) {
            o.put("created", JsonRecordFaults.GARBAGE);
        }
    }
}
