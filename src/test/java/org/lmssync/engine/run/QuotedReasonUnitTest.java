package org.lmssync.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link RunLog#quoted}: the one shortening of reasons quoted in error messages (replies, exceptions). */
class QuotedReasonUnitTest {

    @Test
    void aReasonOfAtMost200CharactersIsKeptWhole() {
        String r = "x".repeat(200);
        assertEquals(r, RunLog.quoted(r));
    }

    @Test
    void aLongerReasonKeepsItsFirst200CharactersAndSaysThereWasMore() {
        assertEquals("y".repeat(200) + "…", RunLog.quoted("y".repeat(200) + "tail"));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        // an emoji (two chars) straddling the 200th character is dropped whole, not halved
        String r = "z".repeat(199) + "\uD83D\uDE00" + "more";
        String q = RunLog.quoted(r);
        assertEquals("z".repeat(199) + "…", q);
    }
}
