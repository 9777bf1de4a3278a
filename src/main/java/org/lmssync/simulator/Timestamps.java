package org.lmssync.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamp formats the simulated APIs emit. */
public final class Timestamps {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * RFC 3339 in UTC the way protobuf JSON prints it: no fraction when nanos are 0,
     * otherwise 3, 6 or 9 digits. Clients therefore see fraction lengths vary.
     */
    public static String rfc3339(Instant t) {
        int nanos = t.getNano();
        String base = SECONDS.format(t);
        if (nanos == 0) {
            return base + "Z";
        }
        if (nanos % 1_000_000 == 0) {
            return base + String.format(".%03dZ", nanos / 1_000_000);
        }
        if (nanos % 1_000 == 0) {
            return base + String.format(".%06dZ", nanos / 1_000);
        }
        return base + String.format(".%09dZ", nanos);
    }

    /** RFC 3339 in UTC with exactly three fraction digits (always present). */
    public static String rfc3339Millis(Instant t) {
        Instant ms = t.truncatedTo(ChronoUnit.MILLIS);
        return SECONDS.format(ms) + String.format(".%03dZ", ms.getNano() / 1_000_000);
    }

    /** RFC 1123 date as used by HTTP headers such as Retry-After. */
    public static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC));
    }
}
