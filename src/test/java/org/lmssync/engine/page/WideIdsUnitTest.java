package org.lmssync.engine.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.resource.FieldPath;
import org.lmssync.engine.run.Times;

/**
 * Issue 17, item 1: ids are text at any width. Real Schoology ids are about 3*10^9 (above int32),
 * Canvas's reach 10^9 and cross-shard ones more; whether they come as JSON numbers or strings,
 * the identity text must keep every digit (no int or double on the way).
 */
class WideIdsUnitTest {
    private final PageReader reader = new PageReader(new ObjectMapper());

    @Test
    void anIdAsAJsonNumberKeepsEveryDigitAtAnyWidth() {
        String body = "{\"assignment\":[{\"id\":2942237212},{\"id\":\"2942237212\"},{\"id\":9007199254740993},"
                + "{\"id\":10000000000000000000001},{\"id\":-5}],\"total\":5}";
        PageReader.Page page = reader.parse(body, FieldPath.parse("assignment"));
        FieldPath id = FieldPath.parse("id");
        List<String> ids = page.records().stream().map(r -> id.text(r.tree())).toList();
        // 2^53 + 1 would become ...992 through a double; 10^22 + 1 does not fit a long
        assertEquals(List.of("2942237212", "2942237212", "9007199254740993", "10000000000000000000001", "-5"), ids);
        assertEquals(List.of("{\"id\":2942237212}", "{\"id\":\"2942237212\"}", "{\"id\":9007199254740993}",
                "{\"id\":10000000000000000000001}", "{\"id\":-5}"), page.texts(), "the json is kept as sent");
    }

    @Test
    void epochSecondsAsAStringOrANumberAreSourceDates() {
        assertEquals("2020-08-28T16:31:47.000Z", Times.normalise("1598632307"));
        FieldPath lastUpdated = FieldPath.parse("last_updated");
        PageReader.Page page = reader.parse("[{\"last_updated\":\"1598632307\"},{\"last_updated\":1598632307}]", null);
        for (RawRecord r : page.records()) {
            assertEquals("2020-08-28T16:31:47.000Z", Times.normalise(lastUpdated.text(r.tree())));
        }
    }
}
