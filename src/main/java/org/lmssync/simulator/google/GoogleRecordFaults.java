package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.JsonRecordFaults;
import org.lmssync.simulator.RecordFault;
import org.lmssync.simulator.RecordFaultHook;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.util.Map;

/** Record-level faults on Google list pages. Non-list or error responses pass unchanged. */
final class GoogleRecordFaults implements RecordFaultHook {
    /** List field -> the field that identifies a record in it. */
    private static final Map<String, String> IDENTITY = Map.of(
            "courses", "id",
            "students", "userId",
            "teachers", "userId",
            "courseWork", "id",
            "studentSubmissions", "id",
            "usageReports", "entity");

    private final PageTokens tokens;

    GoogleRecordFaults(PageTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public SimResponse apply(RecordFault fault, SimRequest req, SimResponse normal) {
        if (normal.status() != 200 || !normal.isJson()) {
            return normal;
        }
        JsonNode parsed = Json.read(normal.body());
        if (!(parsed instanceof ObjectNode page)) {
            return normal;
        }
        if (fault == RecordFault.CURSOR_LOOP) {
            // Point "next" at the page just served: the request's own token, or offset 0 for page one.
            String self = req.param("pageToken").filter(t -> !t.isEmpty())
                    .orElseGet(() -> tokens.encode(0, tokens.binding(req)));
            page.put("nextPageToken", self);
            return normal.withBody(Json.bytes(page));
        }
        var list = JsonRecordFaults.firstArray(page, "warnings");
        if (list == null) {
            return normal;
        }
        JsonRecordFaults.apply(fault, list.getValue(), IDENTITY.getOrDefault(list.getKey(), "id"));
        return normal.withBody(Json.bytes(page));
    }
}
