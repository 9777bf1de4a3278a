package org.lmssync.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * When the pacer lets a request go on Canvas's bucket (high-water 600, 50 up front): while the last
 * reply's remaining, less a reserve for each request sent since, leaves room for one more reserve.
 * Times are passed in, not read.
 */
class CanvasPacerTest {
    private static final long MS = 1_000_000L;

    /** Sends while admitted at {@code now}; returns how many went. */
    private static int burst(CanvasPacer p, long now) {
        int n = 0;
        while (p.waitNanos(now) <= 0 && n < 100) {
            p.sent(now);
            n++;
        }
        return n;
    }

    @Test
    void beforeAnyReplyNothingIsKnownAndRequestsGo() {
        CanvasPacer p = new CanvasPacer();
        assertEquals(0, p.waitNanos(0));
        // a reply without the headers (not Canvas's) teaches nothing
        p.replied(Double.NaN, Double.NaN, 0);
        assertEquals(0, p.waitNanos(0));
    }

    @Test
    void anEmptyBucketAdmitsElevenReservesAndTheTwelfthWaits() {
        CanvasPacer p = new CanvasPacer();
        p.replied(599.0, 1.0, 0);
        assertEquals(11, burst(p, 10 * MS));
        long wait = p.waitNanos(10 * MS);
        // room 599 - 11 x 50 - 1 = 48: 2 units short, 0.2 s at 10 units/s
        assertTrue(wait > 150 * MS && wait < 250 * MS, "the twelfth waits for the leak: " + wait);
        // a reply each request's reserve was in frees nothing by itself ...
        p.replied(49.0, 1.0, 500 * MS);
        assertTrue(p.waitNanos(500 * MS) > 0);
        // ... the completions do: a later reply shows their reserves given back
        p.replied(549.0, 1.0, 600 * MS);
        assertEquals(10, burst(p, 600 * MS));
    }

    @Test
    void requestsSentJustBeforeAReplyArrivedAreTakenAsUnseenByIt() {
        CanvasPacer p = new CanvasPacer();
        p.replied(599.0, 1.0, 0);
        p.sent(0);
        // 9.6 units leaked by 960 ms: room for eleven more beside the first
        assertEquals(11, burst(p, 960 * MS));
        // the first one's reply, written before those eleven reached Canvas: an empty bucket
        p.replied(599.0, 1.0, 1_000 * MS);
        assertTrue(p.waitNanos(1_000 * MS) > 0, "the 11 sent 40 ms before this reply still hold their reserves");
        // a later reply answers one of them and shows the other ten's reserves: room for one
        p.replied(99.0, 1.0, 1_100 * MS);
        assertEquals(1, burst(p, 1_100 * MS));
    }

    @Test
    void requestsDearerThanTheirReserveKeepRoomForTheRestOfTheirCost() {
        CanvasPacer cheap = new CanvasPacer();
        CanvasPacer dear = new CanvasPacer();
        cheap.inFlight(4);
        dear.inFlight(4);
        cheap.replied(599.0, 1.0, 0);
        dear.replied(599.0, 1.0, 0);
        for (int i = 1; i <= 20; i++) {
            cheap.replied(200.0, 1.0, i * 200 * MS);
            dear.replied(200.0, 80.0, i * 200 * MS);
        }
        // cheap: room 200 - 1 = 199, three reserves; dear (about 79 a request by now): a margin of
        // 79 + 4 x 29 leaves no room for a reserve
        assertEquals(3, burst(cheap, 4_000 * MS));
        assertEquals(0, burst(dear, 4_000 * MS));
    }

    @Test
    void theLeakRateIsLearntFromQuietIntervalsOnly() {
        CanvasPacer p = new CanvasPacer();
        p.replied(599.0, 1.0, 0);
        p.sent(0);
        p.replied(300.0, 1.0, 1_000 * MS);
        // two requests in one interval: the second one's reserve would pass for a slower leak
        p.sent(1_000 * MS);
        p.sent(1_000 * MS);
        p.replied(150.0, 1.0, 2_000 * MS);
        p.replied(100.0, 1.0, 2_000 * MS);
        assertEquals(CanvasPacer.DEFAULT_LEAK_PER_SECOND, p.leakPerSecond(), 1e-9);
        // one request at a time, a bucket leaking 40 units/s: each reply shows 40 - 1 more room
        double remaining = 100;
        for (int i = 3; i < 15; i++) {
            p.sent((i - 1) * 1_000 * MS);
            remaining += 39;
            p.replied(remaining, 1.0, i * 1_000 * MS);
        }
        assertTrue(p.leakPerSecond() > 35 && p.leakPerSecond() <= 40, "learnt: " + p.leakPerSecond());
    }
}
