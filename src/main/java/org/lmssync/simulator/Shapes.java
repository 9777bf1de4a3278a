package org.lmssync.simulator;

/**
 * Which form a simulator gives the records whose real shape differs from the vendor's
 * documentation (value types, optional keys, nulls). {@link #REAL} follows captured real
 * responses and is the default; {@link #DOCUMENTED} keeps the documented examples' forms, so a
 * test can check that a reader copes with either.
 */
public enum Shapes {
    /** As real APIs answer (captured responses, schemas and serializers). */
    REAL,
    /** As the vendors' documented examples show. */
    DOCUMENTED;

    public boolean real() {
        return this == REAL;
    }
}
