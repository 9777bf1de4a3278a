package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lmssync.cli.App;
import org.lmssync.testapi.TestApi;

/**
 * The checks made when lms-sync is installed, before any request: a misnamed resource or a
 * date-fetched resource with no school-year start is a configuration error (exit 2) that names
 * the key, and nothing is fetched.
 */
class ConfigChecksTest extends SyncTestSupport {

    @Test
    void anUnknownResourceIsNamedWithTheKnownOnes() throws Exception {
        assertEquals(App.BAD_CONFIG, once("items_link", "itemz"), lastErr);

        assertTrue(lastErr.contains("lms.testlms.resources: unknown resource 'itemz' (known: "), lastErr);
        assertTrue(lastErr.contains("items_link"), "the known resources are listed: " + lastErr);
        assertEquals(0, api.requests().size(), "nothing is fetched");
    }

    @Test
    void aDateFetchedResourceNeedsTheSchoolYearStartOnlyWhenItRuns() throws Exception {
        config.remove("lms.school-year-start");

        assertEquals(App.BAD_CONFIG, once("usage"), lastErr);
        assertTrue(lastErr.contains("lms.school-year-start: is required for the date-fetched resource testlms/usage"), lastErr);
        assertEquals(0, api.requests().size(), "nothing is fetched");

        api.put("items", TestApi.records("i", 0, 3));
        assertEquals(0, once("items_link"), "a run without the date-fetched resource needs no start: " + lastErr);
    }
}
