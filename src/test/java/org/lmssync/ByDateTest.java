package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;

/** Fetch-by-date: the first run, catch-ups split by max-window-days, partial dates held back. */
class ByDateTest extends SyncTestSupport {
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void oneRequestPerDateFromTheSchoolYearStartAndPartialDatesAreFetchedAgain() throws Exception {
        config.put("lms.school-year-start", today.minusDays(4).toString());
        for (int d = 0; d <= 4; d++) {
            api.put("usage/" + today.minusDays(d), TestApi.records("u", 0, 3));
        }
        api.partialFrom = today.minusDays(1);
        assertEquals(0, once("usage"), lastErr);
        assertEquals(List.of(today.minusDays(4), today.minusDays(3), today.minusDays(2), today.minusDays(1), today),
                api.requests().stream().map(r -> LocalDate.parse(r.path().substring("/token/usage/".length()))).toList());
        assertEquals(15, scalar("SELECT COUNT(*) FROM testlms_usage"));
        assertEquals(3, scalar("SELECT COUNT(*) FROM testlms_usage WHERE as_of_date = '" + today.minusDays(2) + "'"));
        // yesterday was partial: the stored date stops the day before it
        assertEquals(today.minusDays(2).toString(), lastAsOf("usage"));

        api.clearLog();
        api.partialFrom = LocalDate.MAX;
        assertEquals(0, once("usage"), lastErr);
        assertEquals(List.of("/token/usage/" + today.minusDays(1), "/token/usage/" + today),
                api.requests().stream().map(TestApi.Request::path).toList());
        assertEquals(today.toString(), lastAsOf("usage"));
        assertEquals(15, scalar("SELECT COUNT(*) FROM testlms_usage"));

        api.clearLog();
        assertEquals(0, once("usage"), lastErr);
        assertEquals(0, api.requests().size());
    }

    /**
     * A date that keeps failing fails its window, and the later windows of that scope wait: the
     * stored date never moves past a date that was not fetched, and the next run starts there.
     */
    @Test
    void aFailedDateStopsTheLaterDatesOfItsScopeUntilTheNextRun() throws Exception {
        config.put("lms.school-year-start", today.minusDays(4).toString());
        config.put("lms.http.max-attempts", "2");
        for (int d = 0; d <= 4; d++) {
            api.put("usage/" + today.minusDays(d), TestApi.records("u", 0, 3));
        }
        api.script("/token/usage/" + today.minusDays(2), TestApi.Reply.status(500), TestApi.Reply.status(500));
        assertEquals(1, once("usage"), lastErr);
        assertEquals(today.minusDays(3).toString(), lastAsOf("usage"), "the stored date stops before the failed one");
        assertEquals(0, api.count("/token/usage/" + today.minusDays(1)), "no later date was asked for");
        assertEquals(6, scalar("SELECT COUNT(*) FROM testlms_usage"));

        api.clearLog();
        assertEquals(0, once("usage"), lastErr);
        assertEquals(List.of("/token/usage/" + today.minusDays(2), "/token/usage/" + today.minusDays(1), "/token/usage/" + today),
                api.requests().stream().map(TestApi.Request::path).toList());
        assertEquals(15, scalar("SELECT COUNT(*) FROM testlms_usage"));
        assertEquals(today.toString(), lastAsOf("usage"));
    }

    @Test
    void aCatchUpIsSplitIntoWindowsOfAtMostMaxWindowDays() throws Exception {
        config.put("lms.school-year-start", "2026-09-01");
        config.put("lms.end-date", "2026-10-30");
        config.put("lms.max-window-days", "30");
        api.put("events", List.of(event("e1", "2026-09-03"), event("e2", "2026-10-07")));
        assertEquals(0, once("events"), lastErr);
        assertEquals(List.of("2026-09-01..2026-09-30", "2026-10-01..2026-10-30"), windows());
        assertEquals("2026-09-03", query("SELECT as_of_date FROM testlms_events WHERE id = 'e1'").get(0).get("as_of_date"));
        assertEquals("2026-10-30", lastAsOf("events"));

        api.clearLog();
        config.put("lms.end-date", "2026-11-05");
        config.put("lms.max-window-days", "4");
        assertEquals(0, once("events"), lastErr);
        assertEquals(List.of("2026-10-31..2026-11-03", "2026-11-04..2026-11-05"), windows());
    }

    private List<String> windows() {
        return api.requests().stream().map(r -> r.query().get("start") + ".." + r.query().get("end")).toList();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode event(String id, String day) {
        return TestApi.JSON.createObjectNode().put("id", id).put("day", day);
    }

    private String lastAsOf(String resource) throws Exception {
        return (String) query("SELECT last_as_of_date FROM sync_state WHERE resource = '" + resource + "'").get(0).get("last_as_of_date");
    }
}
