package org.lmssync.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Value formatting shared by the mappings: dates, points, text the loader would misread. */
public final class UdmValues {
    /** The loader's date-time format (read with pandas, stored as TIMESTAMP / DATETIME2). */
    public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Texts pandas reads as missing by default (its {@code na_values}); in a NOT NULL column they abort the load. */
    static final Set<String> PANDAS_NA = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
            "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

    private UdmValues() {
    }

    /**
     * An ISO-8601 instant ({@code Z}, an offset, fractional seconds) or a plain {@code YYYY-MM-DD HH:MM:SS}
     * (taken as UTC) as naive UTC {@code YYYY-MM-DD HH:MM:SS}; blank or unreadable gives "".
     */
    public static String utc(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        String s = iso.trim();
        try {
            return DATETIME.format(OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notOffset) {
            try {
                return DATETIME.format(LocalDateTime.parse(s, PLAIN));
            } catch (DateTimeParseException notPlain) {
                try {
                    return DATETIME.format(LocalDateTime.parse(s));
                } catch (DateTimeParseException unreadable) {
                    return "";
                }
            }
        }
    }

    /** Epoch seconds as naive UTC. */
    public static String epoch(long seconds) {
        return DATETIME.format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC));
    }

    /** {@code YYYY-MM-DD}, or "" when it is not one. */
    public static String date(String s) {
        if (s == null) {
            return "";
        }
        try {
            return LocalDate.parse(s.trim().length() >= 10 ? s.trim().substring(0, 10) : s.trim()).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** The later of two {@code YYYY-MM-DD HH:MM:SS} texts (either may be blank). */
    static String later(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null ? "" : b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * A number as an integer (half up), since the loader's INT columns reject {@code 8.5}
     * ({@code EarnedPoints}, {@code ActivityTimeInMinutes}) or round it by database ({@code MaxPoints}).
     */
    public static String integral(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        return integral(n.asText());
    }

    public static String integral(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        try {
            return new BigDecimal(s.trim()).setScale(0, RoundingMode.HALF_UP).toPlainString();
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** A JSON field as text: "" when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.path(field);
        return v == null || v.isNull() || v.isMissingNode() ? "" : v.asText();
    }

    /** The first non-blank of the values, or "". */
    public static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    /** Truncates to at most {@code max} characters without splitting a surrogate pair. */
    static String truncate(String v, int max) {
        if (max <= 0 || v.length() <= max) {
            return v;
        }
        int end = max;
        if (Character.isHighSurrogate(v.charAt(end - 1))) {
            end--;
        }
        return v.substring(0, end);
    }
}
