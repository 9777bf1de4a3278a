package org.lmssync.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LastModifiedDate decisions of the export bookkeeping, export by export. */
class ExportStateTest {
    private static final UdmEntity E = UdmEntity.USERS;
    @TempDir
    Path dir;
    private int n;

    /** One finished export at 2026-05-0{n} 12:00:00 UTC; {@code dates} are (ssi, synced date) pairs; returns what it wrote. */
    private String[] export(String... dates) throws Exception {
        n++;
        String now = "2026-05-0" + n + " 12:00:00";
        String[] out = new String[dates.length / 2];
        try (ExportState s = new ExportState(dir, LocalDateTime.parse("2026-05-0" + n + "T12:00:00"), now)) {
            for (int i = 0; i < dates.length; i += 2) {
                out[i / 2] = s.lastModified(E, dates[i], dates[i + 1]);
            }
            s.finish(out.length, now);
        }
        return out;
    }

    @Test
    void unchangedKeepsItsDateChangedTakesTheNewOneReturnedAndBackwardsGetTheExportTime() throws Exception {
        String t0 = "2026-04-01 00:00:00";
        String t1 = "2026-04-02 00:00:00";
        assertEquals(t0, export("a", t0, "b", t0, "c", t1)[0]);
        String[] second = export("a", t0, "b", t1, "c", t0); // c: its synced date went backwards
        assertEquals(t0, second[0], "unchanged: the loader changes nothing");
        assertEquals(t1, second[1], "changed: the synced date");
        assertEquals("2026-05-02 12:00:00", second[2], "backwards: a date the loader has not seen");
        export("b", t1, "c", t0); // a is missing from this export: the loader soft-deletes it
        String[] fourth = export("a", t0, "b", t1, "c", t0);
        assertEquals("2026-05-04 12:00:00", fourth[0], "back, unchanged in the sync DB: the export's time");
        assertEquals(t1, fourth[1]);
        assertEquals("2026-05-02 12:00:00", fourth[2], "keeps the date it was last written with");
    }

    @Test
    void aKeyWrittenTwiceInOneExportIsADuplicateAndAFailedExportDoesNotCount() throws Exception {
        String t0 = "2026-04-01 00:00:00";
        try (ExportState s = new ExportState(dir, LocalDateTime.parse("2026-05-01T12:00:00"), "2026-05-01 12:00:00")) {
            assertEquals(t0, s.lastModified(E, "a", t0));
            assertNull(s.lastModified(E, "a", t0));
            // not finished: as if it never happened
        }
        n = 1;
        assertEquals(t0, export("a", t0)[0], "first sight again: the failed export's keys were rolled back");
    }
}
