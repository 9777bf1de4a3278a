package org.lmssync.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path of {@link Times#normalise} agrees with java.time on every text it takes. */
class TimesUnitTest {

    /** What the general parse gives (the behaviour before the fast path). */
    private static String viaJavaTime(String t) {
        try {
            return Times.format(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void utcTimestampsOfEveryPrecisionAreCutOrPaddedToMillisecondsAsJavaTimeDoes() {
        for (String t : List.of("2024-01-31T23:59:59Z", "2024-02-29T00:00:00.5Z", "2023-12-01T08:15:30.12Z",
                "2023-12-01T08:15:30.123Z", "2023-12-01T08:15:30.1239Z", "2023-12-01T08:15:30.123456789Z",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z")) {
            assertEquals(viaJavaTime(t), Times.alreadyUtc(t), t);
            assertEquals(viaJavaTime(t), Times.normalise(t), t);
        }
        assertEquals("2024-02-29T00:00:00.500Z", Times.normalise(" 2024-02-29T00:00:00.5Z "));
    }

    @Test
    void anythingElseIsLeftToTheGeneralParse() {
        // not real dates or times: the general parse rejects them too
        for (String t : List.of("2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z",
                "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z",
                "2024-01-01T00:00:00.1234567891Z", "2024-0a-01T00:00:00Z")) {
            assertNull(Times.alreadyUtc(t), t);
            assertNull(Times.normalise(t), t);
        }
        // other shapes: an offset, no seconds, a space, a bare date, epoch seconds
        for (String t : List.of("2024-01-01T10:00:00+02:00", "2024-01-01T10:00Z", "2024-01-01 10:00:00Z",
                "2024-01-01T00:00:00.Z")) {
            assertNull(Times.alreadyUtc(t), t);
        }
        assertEquals("2024-01-01T00:00:00.000Z", Times.normalise("2024-01-01T00:00:00.Z"));
        assertEquals("2024-01-01T08:00:00.000Z", Times.normalise("2024-01-01T10:00:00+02:00"));
        assertEquals("2024-01-01T10:00:00.000Z", Times.normalise("2024-01-01T10:00Z"));
        assertEquals("2024-01-01T10:00:00.000Z", Times.normalise("2024-01-01 10:00:00Z"));
        assertEquals("2024-01-01T00:00:00.000Z", Times.normalise("2024-01-01"));
        assertEquals("1970-01-01T00:00:10.000Z", Times.normalise("10"));
    }
}
