package org.lmssync.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the loader accepts, applied to each row before it is written: sized text is truncated,
 * a NOT NULL column never holds an empty or NA-looking value, dates and integers are in the
 * loader's formats. A row that cannot be made acceptable is refused with a reason rather than
 * written (one bad row would abort the loader's whole run).
 */
final class RowRules {
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private RowRules() {
    }

    /** The values in header order, or empty with the reason in {@code why[0]}. */
    static Optional<List<String>> values(UdmRow row, String[] why) {
        List<String> out = new ArrayList<>(row.entity().columns().size());
        for (UdmColumn c : row.entity().columns()) {
            String v = row.get(c.name());
            switch (c.kind()) {
                case ID -> {
                    if (v.length() > c.maxLength()) {
                        why[0] = c.name() + " is longer than " + c.maxLength();
                        return Optional.empty();
                    }
                }
                case TEXT -> {
                    v = UdmValues.truncate(v, c.maxLength());
                    if (c.required() && UdmValues.PANDAS_NA.contains(v) && !v.isEmpty()) {
                        // pandas would read "NA", "null", … as missing: a trailing space keeps the text
                        v = v + " ";
                    }
                }
                case DATETIME -> v = DATETIME.matcher(v).matches() ? v : "";
                case DATE -> v = DATE.matcher(v).matches() ? v : "";
                case INTEGER -> v = INTEGER.matcher(v).matches() ? v : "";
                default -> throw new IllegalStateException(c.kind().toString());
            }
            if (c.required() && v.isEmpty()) {
                why[0] = c.name() + " is empty";
                return Optional.empty();
            }
            out.add(v);
        }
        return Optional.of(out);
    }
}
