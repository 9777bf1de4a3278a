package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The decisive checks of one trial, gathered rather than thrown, so the ledger line and the
 * assertion come from the same outcome: {@link #recordAndAssert} writes the line, then fails with
 * every problem at once.
 */
final class Checks {
    private final List<String> problems = new ArrayList<>();

    Checks expect(boolean ok, String what) {
        if (!ok) {
            problems.add(what);
        }
        return this;
    }

    Checks equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            problems.add(what + ": expected " + expected + " but was " + actual);
        }
        return this;
    }

    boolean held() {
        return problems.isEmpty();
    }

    void recordAndAssert(String area, String kind, long count) {
        SuiteLedger.record(area, kind, count, held());
        assertEquals(List.of(), problems, kind);
    }
}
