package org.lmssync.schoology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmssync.SyncTestSupport;
import org.lmssync.engine.run.Times;
import org.lmssync.simulator.SimClock;
import org.lmssync.simulator.schoology.SchoologyDistrictSize;
import org.lmssync.simulator.schoology.SchoologySimConfig;
import org.lmssync.simulator.schoology.SchoologySimulator;
import org.lmssync.simulator.schoology.TypeMix;

/**
 * The product on the shapes real Schoology sends (issue 17): ids above 2^31 as strings or numbers,
 * grading periods' active as a number, and assignments' last_updated as the source's own
 * modification date.
 */
class SchoologyRealShapesSyncTest extends SyncTestSupport {
    private SchoologySimulator sim;
    private final SimClock clock = SimClock.tickingFrom(Instant.now());

    private void start(TypeMix ids) {
        if (sim != null) {
            sim.close();
        }
        sim = SchoologySimulator.start(SchoologySimConfig.builder().seed(3).size(SchoologyDistrictSize.small())
                .idTypes(ids).clock(clock).noRateLimit().build());
        config.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        config.put("lms.testlms.enabled", "false");
        config.put("lms.schoology.enabled", "true");
        config.put("lms.schoology.base-url", sim.apiBaseUrl());
        config.put("lms.schoology.key", sim.consumerKey());
        config.put("lms.schoology.secret", sim.consumerSecret());
        config.put("lms.schoology.requests-per-second", "1000");
        config.put("lms.school-year-start", sim.schoolYearStart().toString());
        config.put("lms.schoology.resources", "users,courses,grading_periods,sections,enrollments,assignments");
    }

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private int sync() throws Exception {
        return run("once", "--lms", "schoology");
    }

    @Test
    void assignmentsTakeLastUpdatedAsTheirSourceModificationDate() throws Exception {
        start(TypeMix.DOCUMENTED);
        assertEquals(0, sync(), lastErr);
        Map<String, String> expected = new HashMap<>();
        long section = sim.allSectionIds(false).get(0);
        for (long s : sim.allSectionIds(false)) {
            for (JsonNode a : sim.assignments(s)) {
                expected.put(s + "|" + a.get("id").asText(),
                        Times.format(Instant.ofEpochSecond(Long.parseLong(a.get("last_updated").asText()))));
            }
        }
        Map<String, String> stored = new HashMap<>();
        for (Map<String, Object> r : query("SELECT section_id || '|' || id AS k, source_last_modified_date AS d FROM schoology_assignments")) {
            stored.put(r.get("k").toString(), (String) r.get("d"));
        }
        assertEquals(expected, stored);

        long assignment = sim.assignmentIds(section).get(0);
        String before = stored.get(section + "|" + assignment);
        // well inside the simulator's 300 s OAuth timestamp window: at exactly 5 minutes a request
        // signed in the same second as the advance was refused now and then (401)
        clock.advance(Duration.ofMinutes(2));
        sim.applyChanges(c -> c.editAssignment(section, assignment, "Edited title", null));
        assertEquals(0, sync(), lastErr);
        Object after = query("SELECT source_last_modified_date FROM schoology_assignments WHERE section_id = '" + section
                + "' AND id = '" + assignment + "'").get(0).get("source_last_modified_date");
        assertNotEquals(before, after);
        JsonNode edited = sim.assignments(section).stream().filter(a -> a.get("id").asLong() == assignment).findFirst().orElseThrow();
        assertEquals(Times.format(Instant.ofEpochSecond(edited.get("last_updated").asLong())), after);
    }

    @Test
    void idsAboveThirtyTwoBitsKeepTheirTextWhetherTheyComeAsStringsOrNumbers() throws Exception {
        start(TypeMix.NUMBERS);
        assertEquals(0, sync(), lastErr);
        long rows = scalar("SELECT COUNT(*) FROM schoology_enrollments");
        assertTrue(scalar("SELECT COUNT(*) FROM schoology_enrollments WHERE CAST(section_id AS INTEGER) > 2147483647"
                + " AND CAST(id AS INTEGER) > 2147483647") == rows && rows > 0);
        assertEquals(0, scalar("SELECT COUNT(*) FROM schoology_sections WHERE typeof(id) <> 'text'"
                + " OR id <> CAST(json_extract(json, '$.id') AS TEXT)"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM schoology_assignments WHERE id <> CAST(json_extract(json, '$.id') AS TEXT)"));
        long sectionRows = scalar("SELECT COUNT(*) FROM schoology_sections");

        // The same district with every id a JSON string: the same identities, so nothing is inserted or deleted.
        start(TypeMix.STRINGS);
        assertEquals(0, sync(), lastErr);
        Map<String, Object> run = query("SELECT * FROM sync_runs ORDER BY run_id DESC LIMIT 1").get(0);
        assertEquals(0, run.get("inserted"), "ids of either JSON type are the same identity");
        assertEquals(0, run.get("deleted"));
        assertEquals(sectionRows, scalar("SELECT COUNT(*) FROM schoology_sections"));
        assertEquals(rows, scalar("SELECT COUNT(*) FROM schoology_enrollments"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM schoology_sections WHERE json_type(json, '$.id') <> 'text'"),
                "the json is stored as it came this time");
    }

    @Test
    void gradingPeriodsWithANumericActiveAreAllStoredAsSent() throws Exception {
        start(TypeMix.DOCUMENTED);
        assertEquals(0, sync(), lastErr);
        assertEquals(sim.gradingPeriods().size(), scalar("SELECT COUNT(*) FROM schoology_grading_periods WHERE deleted_at IS NULL"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM schoology_grading_periods WHERE json_type(json, '$.active') <> 'integer'"));
        assertTrue(scalar("SELECT COUNT(*) FROM schoology_grading_periods WHERE json_extract(json, '$.active') = 0") > 0,
                "inactive periods are listed and kept");
        // sections of active and of past periods alike are synced (no product logic reads 'active')
        assertEquals(sim.allSectionIds(false).size(), scalar("SELECT COUNT(*) FROM schoology_sections WHERE deleted_at IS NULL"));
    }
}
