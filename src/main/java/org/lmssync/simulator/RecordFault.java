package org.lmssync.simulator;

/** Faults inside an otherwise valid page; each simulator knows how to apply them to its shapes. */
public enum RecordFault {
    /** One record keeps its identity but carries wrong-typed or unparsable fields. */
    MALFORMED_RECORD,
    /** One record lacks its identity field. */
    MISSING_IDENTITY,
    /** One record is not a JSON object at all (a bare string), as a broken serializer might send; the rest of the page is intact. */
    GARBLED_RECORD,
    /** A record appears twice in the same page. */
    DUPLICATE_RECORD,
    /** The next-page cursor points back at the page just served. */
    CURSOR_LOOP
}
