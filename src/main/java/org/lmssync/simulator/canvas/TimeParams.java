package org.lmssync.simulator.canvas;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads datetime query parameters as Canvas does: ISO 8601 with an optional fraction and zone;
 * a missing zone means the account's time zone. Date-only values are accepted where Canvas
 * accepts dates (the start of that day in the account's zone).
 */
final class TimeParams {
    /** Canvas's Api::ISO8601_REGEX, required by submitted_since and graded_since. */
    private static final Pattern ISO8601 = Pattern.compile(
            "^\\d{4}-(1[0-2]|0[1-9])-(3[01]|0[1-9]|[12]\\d)T(2[0-3]|[01]\\d):[0-5]\\d:(60|[0-5]\\d)(\\.\\d+)?"
                    + "(Z|[+-](2[0-3]|[01]\\d):[0-5]\\d)?$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private TimeParams() {
    }

    /** A full ISO 8601 datetime, or empty when the value does not match Canvas's pattern. */
    static Optional<Instant> dateTime(String v, ZoneId zone) {
        if (v == null || !ISO8601.matcher(v).matches()) {
            return Optional.empty();
        }
        try {
            boolean zoned = v.endsWith("Z") || v.lastIndexOf('+') > 10 || v.lastIndexOf('-') > 10;
            return Optional.of(zoned ? OffsetDateTime.parse(v).toInstant()
                    : LocalDateTime.parse(v).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A datetime as above or a plain date. */
    static Optional<Instant> dateOrDateTime(String v, ZoneId zone) {
        if (v != null && DATE.matcher(v).matches()) {
            try {
                return Optional.of(LocalDate.parse(v).atStartOfDay(zone).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return dateTime(v, zone);
    }
}
