package org.lmssync.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lmssync.engine.run.Counters;

/** The progress line of one resource, as {@code once} prints it (the sync around it: ProgressTest). */
class ProgressLineTest {

    @Test
    void theLineSaysListingsRecordsRateThrottlingAndTimeLeft() {
        Counters n = new Counters();
        n.add(Counters.Counter.RECORDS, 500);
        n.add(Counters.Counter.THROTTLED, 3);
        n.add(Counters.Counter.THROTTLE_WAIT_MS, 4_000);
        String line = Progress.line("canvas/enrollments", 25, 100, n, 10, null);
        assertTrue(line.startsWith("canvas/enrollments"), line);
        assertTrue(line.contains("25/100 listings  500 records  50/s  throttled 3 (4 s waited)  ~30 s left"), line);
        assertTrue(Progress.line("canvas/enrollments", 100, 100, n, 75, "succeeded").contains("succeeded in 1 min 15 s"));
    }
}
