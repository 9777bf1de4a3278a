package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteSummaryTest {

    @Test
    void aFailedTrialIsCountedAndShownAgainstItsKind() {
        String table = SuiteSummary.render(List.of(
                new SuiteLedger.Entry(SuiteLedger.FAULTS, "canvas 503", 3, true),
                new SuiteLedger.Entry(SuiteLedger.FAULTS, "canvas 503", 2, false),
                new SuiteLedger.Entry(SuiteLedger.SECRETS, "stdout", 1, true)));
        assertTrue(table.matches("(?s).*faults\\s+canvas 503\\s+5\\s+2 FAIL \\(1\\).*"), table);
        assertTrue(table.matches("(?s).*secrets\\s+stdout\\s+1\\s+1 pass.*"), table);
        assertTrue(table.endsWith("1 trial(s) failed\n"), table);
    }
}
