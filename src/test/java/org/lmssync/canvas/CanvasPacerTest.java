package org.lmssync.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Where the pacer draws its line on Canvas's bucket (high-water 600, 50 up front): it goes at the
 * configured rate while a reply shows room for one more reserve and the cost of the requests in
 * flight, spaces requests near that line and drains below it. Times are passed in, not read.
 */
class CanvasPacerTest {

    private static CanvasPacer pacer(int inFlight) {
        CanvasPacer p = new CanvasPacer();
        p.inFlight(inFlight);
        // an empty bucket first: the pacer learns the high-water mark (remaining + cost)
        assertEquals(0, p.intervalMillis(599.0, 1.0, 0));
        return p;
    }

    @Test
    void withRoomForOneReserveAndTheCostsInFlightItGoesAtTheConfiguredRate() {
        // 8 in flight: line = 50 + 1 x 9 = 59, band 15. The remaining a reply reports already has
        // the reserves of the requests in flight taken off, so 8 x 50 is not kept on top of it.
        CanvasPacer p = pacer(8);
        assertEquals(0, p.intervalMillis(200.0, 1.0, 1_000_000_000L));
        assertEquals(0, p.intervalMillis(80.0, 1.0, 2_000_000_000L));
    }

    @Test
    void nearTheLineItSpacesRequestsAtAboutTheLeakRateAndBelowItDrainsFirst() {
        CanvasPacer p = pacer(8);
        long spaced = p.intervalMillis(65.0, 1.0, 1_000_000_000L);
        // one unit a request at 10 units/s: 100 ms, up to twice that at the line
        assertTrue(spaced >= 100 && spaced <= 200, "in the band: " + spaced);
        long drain = p.intervalMillis(20.0, 1.0, 2_000_000_000L);
        // (59 - 20 + 1) / 10 units/s = 4 s before the next request
        assertTrue(drain >= 3_500 && drain <= 4_500, "below the line: " + drain);
    }

    @Test
    void moreInFlightKeepsRoomForTheirCostsAndNoReplyHeadersMeansTheConfiguredRate() {
        CanvasPacer few = pacer(1);
        CanvasPacer many = pacer(40);
        // 1 in flight: line 52; 40 in flight: line 50 + 41 = 91
        assertEquals(0, few.intervalMillis(75.0, 1.0, 1_000_000_000L));
        assertTrue(many.intervalMillis(75.0, 1.0, 1_000_000_000L) > 0);
        assertEquals(0, new CanvasPacer().intervalMillis(Double.NaN, Double.NaN, 0));
    }
}
