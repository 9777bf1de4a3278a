package org.lmssync.simulator.schoology;

/**
 * How ids and totals are typed in JSON. Schoology's own examples mix strings and numbers per
 * resource; the other two settings let tests check that a reader copes with either.
 */
public enum TypeMix {
    /** As in Schoology's documented examples (e.g. section ids strings, assignment ids numbers). */
    DOCUMENTED,
    /** Always JSON strings. */
    STRINGS,
    /** Always JSON numbers. */
    NUMBERS;

    /** Whether a value documented as {@code documentedAsString} is written as a string. */
    boolean asString(boolean documentedAsString) {
        return switch (this) {
            case DOCUMENTED -> documentedAsString;
            case STRINGS -> true;
            case NUMBERS -> false;
        };
    }
}
