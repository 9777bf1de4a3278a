package org.lmssync.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lmssync.SyncTestSupport;
import org.lmssync.cli.App;

/** The {@code export} command's exit codes and messages, through {@code App.run}. */
class ExportCommandTest extends SyncTestSupport {

    private void syncDb() throws Exception {
        SyncDbFixture f = new SyncDbFixture(db);
        f.schoologySection("10", "{\"id\":\"10\",\"section_title\":\"Algebra\",\"active\":1}");
        f.close();
    }

    @Test
    void withoutAFolderItIsABadConfiguration() throws Exception {
        syncDb();
        assertEquals(2, run("export"));
        assertTrue(lastErr.contains("--udm"), lastErr);
    }

    @Test
    void anUnknownLmsIsABadConfiguration() throws Exception {
        syncDb();
        assertEquals(2, run("export", "--udm", dir.resolve("udm").toString(), "--lms", "moodle"));
        assertTrue(lastErr.contains("moodle"), lastErr);
    }

    @Test
    void withoutASyncDbItIsABadConfiguration() throws Exception {
        assertEquals(2, run("export", "--udm", dir.resolve("udm").toString()));
        assertTrue(lastErr.contains("no sync DB"), lastErr);
    }

    @Test
    void anLmsThatWasNeverSyncedFailsAndTheOthersAreExported() throws Exception {
        // the fixture has every table of the three LMSs; drop Canvas's to make it "never synced"
        syncDb();
        exec("DROP TABLE canvas_submissions");
        assertEquals(1, run("export", "--udm", dir.resolve("udm").toString(), "--lms", "schoology,canvas"));
        assertTrue(lastErr.contains("export of canvas failed"), lastErr);
        assertTrue(lastOut.contains("schoology: "), lastOut);
        assertEquals(0, run("export", "--udm=" + dir.resolve("udm2")));
        assertTrue(lastOut.contains("schoology: ") && lastOut.contains("google: ") && !lastOut.contains("canvas: "), lastOut);
    }
}
