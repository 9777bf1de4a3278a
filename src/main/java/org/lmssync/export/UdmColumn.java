package org.lmssync.export;

/**
 * One column of a UDM CSV file as the LMS DS Loader's staging table defines it.
 *
 * @param name      the header, exact case
 * @param required  NOT NULL in {@code lms.stg_*} (an empty value aborts the loader's run)
 * @param maxLength the varchar size (0 = not a sized text column)
 * @param kind      how the value is formatted
 */
public record UdmColumn(String name, boolean required, int maxLength, Kind kind) {

    /** The value formats the loader parses. */
    public enum Kind {
        /** Free text. */
        TEXT,
        /** An identifier: never truncated (a truncated id would join to nothing). */
        ID,
        /** {@code YYYY-MM-DD HH:MM:SS}. */
        DATETIME,
        /** {@code YYYY-MM-DD}. */
        DATE,
        /** An INT column: integral digits only. */
        INTEGER
    }

    static UdmColumn id(String name, boolean required) {
        return new UdmColumn(name, required, 255, Kind.ID);
    }

    static UdmColumn text(String name, boolean required, int maxLength) {
        return new UdmColumn(name, required, maxLength, Kind.TEXT);
    }

    static UdmColumn datetime(String name, boolean required) {
        return new UdmColumn(name, required, 0, Kind.DATETIME);
    }
}
