package org.lmssync.engine.resource;

import java.util.Locale;

/** How a resource is kept current (contract §3). */
public enum Strategy {
    /** Every run lists every scope completely; deletions are marked from complete listings. */
    FULL,
    /** Date windows from the school-year start, or the day after the last stored as_of_date. */
    BY_DATE,
    /** Newest first, stop at the stored watermark; a full pass every lms.full-refresh-days. */
    WATERMARK;

    public static Strategy parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "full" -> FULL;
            case "by-date" -> BY_DATE;
            case "watermark" -> WATERMARK;
            default -> throw new IllegalArgumentException("strategy '" + text + "' is not one of full, by-date, watermark");
        };
    }
}
