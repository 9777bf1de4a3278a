package org.lmssync.simulator.canvas;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Record-level faults on Canvas pages: bare JSON arrays, the wrapped terms list and the auth-event
 * compound document. CURSOR_LOOP points rel="next" at the page just served.
 */
final class CanvasRecordFaults implements RecordFaultHook {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([^\"]+)\"");

    @Override
    public SimResponse apply(RecordFault fault, SimRequest req, SimResponse normal) {
        if (normal.status() != 200 || !normal.isJson()) {
            return normal;
        }
        if (fault == RecordFault.CURSOR_LOOP) {
            return loopNext(normal);
        }
        JsonNode parsed = Json.read(normal.body());
        ArrayNode records;
        if (parsed instanceof ArrayNode a) {
            records = a;
        } else if (parsed instanceof ObjectNode o) {
            var list = JsonRecordFaults.firstArray(o);
            if (list == null) {
                return normal;
            }
            records = list.getValue();
        } else {
            return normal;
        }
        JsonRecordFaults.apply(fault, records, "id");
        return normal.withBody(Json.bytes(parsed));
    }

    private static SimResponse loopNext(SimResponse normal) {
        List<String> values = normal.headers().get("Link");
        if (values == null || values.isEmpty()) {
            return normal;
        }
        Map<String, String> rels = new LinkedHashMap<>();
        Matcher m = LINK.matcher(values.get(0));
        while (m.find()) {
            rels.put(m.group(2), m.group(1));
        }
        String current = rels.get("current");
        if (current == null) {
            return normal;
        }
        rels.put("next", current);
        List<String> out = new ArrayList<>();
        for (String rel : LinkHeader.RELS) {
            if (rels.containsKey(rel)) {
                out.add("<" + rels.get(rel) + ">; rel=\"" + rel + "\"");
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(normal.headers());
        headers.put("Link", List.of(String.join(",", out)));
        return new SimResponse(normal.status(), headers, normal.body());
    }
}
