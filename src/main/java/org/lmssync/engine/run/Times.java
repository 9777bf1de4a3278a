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
        String utc = alreadyUtc(t);
        if (utc != null) {
            return utc;
        }
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

    /**
     * The common case without java.time: {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, already UTC, needs only
     * its fraction cut or padded to milliseconds (as formatting an Instant does). It ran once per
     * date field of every record and was the largest single cost of the record step. Null when the
     * text is anything else, or not a real date and time: the general parse then decides.
     */
    static String alreadyUtc(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        char[] out = new char[24];
        t.getChars(0, 19, out, 0);
        out[19] = '.';
        out[23] = 'Z';
        if (n == 20) {
            out[20] = out[21] = out[22] = '0';
            return new String(out);
        }
        // a fraction of 1 to 9 digits
        if (t.charAt(19) != '.' || n == 21 || n > 30 || digits(t, 20, n - 1) < 0) {
            return null;
        }
        for (int i = 0; i < 3; i++) {
            out[20 + i] = 20 + i < n - 1 ? t.charAt(20 + i) : '0';
        }
        return new String(out);
    }

    /** The non-negative number the digits in [from, to) spell, or -1 if any is not a digit. */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = to - from > 9 ? 0 : v * 10 + (c - '0');
        }
        return v;
    }
}
