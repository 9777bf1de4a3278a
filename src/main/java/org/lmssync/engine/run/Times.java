package org.lmssync.engine.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The DB's one time format: UTC, millisecond precision, trailing Z. */
public final class Times {
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(Instant instant) {
        return UTC_MILLIS.format(instant);
    }

    public static String now() {
        return format(Instant.now());
    }

    /**
     * A source timestamp in the DB format: ISO-8601 with Z or an offset, a bare date, or epoch
     * seconds (as number or digits). Null when it is none of those.
     */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.chars().allMatch(Character::isDigit)) {
                return format(Instant.ofEpochSecond(Long.parseLong(t)));
            }
            if (t.length() == 10) {
                return format(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (t.length() >= 19 && t.charAt(10) == ' ') {
                t = t.substring(0, 10) + 'T' + t.substring(11);
            }
            return format(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
