package org.lmssync.engine.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.resource.FieldPath;
import org.lmssync.engine.resource.Paging;
import org.lmssync.engine.resource.ResourceDefinition;

/** Paging {@code none}, nested items paths and the deletion-check parameter, on their own. */
class NestedItemsUnitTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PageReader reader = new PageReader(mapper);

    @Test
    void pagingNoneSendsNoPageSizeAndHasNoNextPage() throws Exception {
        Paging none = Paging.of("none");
        String url = "https://s/v1/sections/7/attendance?start=2026-01-05&end=2026-02-03";
        assertEquals(url, none.firstPage(url, "limit", 200));
        assertNull(none.next(url, Map.of(), mapper.readTree("{\"links\":{\"next\":\"https://s/x\"}}")));
    }

    @Test
    void aNestedItemsPathFlattensEveryListItGoesThroughKeepingRecordsAsSent() {
        String body = "{\"date\":[{\"date\":\"2026-01-05\",\"statuses\":{\"status\":["
                + "{\"status_code\":2,\"attendances\":{\"attendance\":[{\"enrollment_id\":1,\"date\":\"2026-01-05\",\"comment\":\"a\\/b\"},"
                + "{\"enrollment_id\":\"2\",\"date\":\"2026-01-05\"}]}},"
                + "{\"status_code\":3,\"attendances\":{\"attendance\":[{\"enrollment_id\":3,\"date\":\"2026-01-05\"}]}}]}},"
                + "{\"date\":\"2026-01-06\",\"statuses\":{\"status\":[]}},"
                + "{\"date\":\"2026-01-07\",\"statuses\":{\"status\":[{\"status_code\":4,\"attendances\":{}}]}},"
                + "{\"date\":\"2026-01-08\",\"statuses\":{\"status\":[{\"status_code\":4,\"attendances\":{\"attendance\":["
                + "{\"enrollment_id\":4,\"date\":\"2026-01-08\"}]}}]}}],"
                + "\"totals\":{\"total\":[{\"status\":2,\"count\":2}]}}";
        PageReader.Page page = reader.parse(body, FieldPath.parse("date[].statuses.status[].attendances.attendance"));
        assertEquals(List.of("{\"enrollment_id\":1,\"date\":\"2026-01-05\",\"comment\":\"a\\/b\"}",
                "{\"enrollment_id\":\"2\",\"date\":\"2026-01-05\"}", "{\"enrollment_id\":3,\"date\":\"2026-01-05\"}",
                "{\"enrollment_id\":4,\"date\":\"2026-01-08\"}"), page.texts());
        assertTrue(page.envelope().has("totals"));
        assertFalse(page.envelope().has("date"));
        assertEquals(List.of(), reader.parse("{\"date\":[],\"totals\":{}}",
                FieldPath.parse("date[].statuses.status[].attendances.attendance")).texts());
        assertEquals(List.of("{\"a\":1}", "7"), reader.parse("{\"grades\":{\"grade\":[{\"a\":1}, 7]}}",
                FieldPath.parse("grades.grade")).texts());
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), reader.parse("{\"x\":[{\"y\":[{\"a\":1}]},{\"y\":[{\"b\":2}]}]}",
                FieldPath.parse("x[].y[]")).texts());
    }

    @Test
    void theDeletionCheckQueryIsDeclaredWithTheResource() {
        Map<String, Object> p = new HashMap<>(Map.of("lms", "s", "resource", "sections", "url", "https://s/v1/courses",
                "paging", "offset", "identity", "id"));
        assertTrue(ResourceDefinition.fromParameters(p).deletionCheckQuery().isEmpty());
        p.put("deletionCheckQuery", "include_past=1");
        assertEquals(Map.of("include_past", "1"), ResourceDefinition.fromParameters(p).deletionCheckQuery());
    }
}
