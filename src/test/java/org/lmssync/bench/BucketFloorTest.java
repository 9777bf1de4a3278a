package org.lmssync.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketFloorTest {
    private static final BucketFloor CANVAS = new BucketFloor(600, 50, 10);

    @Test
    void eleven50UnitReservesFitAnEmptyBucketSoElevenRequestsTakeOneLatency() {
        assertEquals(0.5, CANVAS.seconds(11, 0, Duration.ofMillis(500)), 1e-9);
        // the twelfth fits once a millisecond's leak has taken the level under 550; the thirteenth
        // waits for a reply to give its reserve back
        assertEquals(0.501, CANVAS.seconds(12, 0, Duration.ofMillis(500)), 1e-9);
        assertEquals(1.0, CANVAS.seconds(13, 0, Duration.ofMillis(500)), 1e-9);
    }

    @Test
    void freeRequestsAreBoundByTheReservesInFlight() {
        // 11 in flight, each holding its reserve 500 ms, is 22 requests/s; the leak lets a few more in
        // over time (it drains reserves too, and a refund never takes the level below 0)
        double free = CANVAS.seconds(991, 0, Duration.ofMillis(500));
        assertTrue(free < 991 / 22.0 && free > 991 / 30.0, "reserve-bound: " + free);
        // a real cost (Canvas: about 0.75 per page) fills the bucket and leaves room for fewer
        assertTrue(CANVAS.seconds(991, 0.75, Duration.ofMillis(500)) > free + 5);
    }

    @Test
    void costlyRequestsAreBoundByTheLeak() {
        // 200 requests of 10 units: 2000 units, of which about 550 fit before the level nears the mark
        double s = CANVAS.seconds(200, 10, Duration.ofMillis(10));
        assertTrue(s > (2000 - 600) / 10.0 && s < 2000 / 10.0, "leak-bound: " + s);
    }
}
