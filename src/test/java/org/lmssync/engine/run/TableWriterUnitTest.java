package org.lmssync.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.resource.ResourceDefinition;

/**
 * The page's identity lookups on a real SQLite file: several statements for a page longer than
 * one statement's keys, the last one padded, the newest version of an identity stored twice, and
 * identities of several columns matched on every column.
 */
class TableWriterUnitTest {
    private final ResourceDefinition members = CoreFixture.resource("members", null, "https://t/v1/members",
            "course_id=courseId, user_id=userId");
    private final ResourceDefinition courses = CoreFixture.resource("courses", null, "https://t/v1/courses", "id=id");

    @Test
    void aPageLongerThanOneStatementFindsEveryStoredIdentityAndOnlyThose() throws Exception {
        try (CoreFixture db = new CoreFixture(members)) {
            int keys = TableWriter.LOOKUP_KEYS * 2 + 7;
            List<List<String>> page = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                page.add(List.of("c" + (i % 3), "u" + i));
                if (i % 2 == 0) {
                    db.row(members, "", 1, "c" + (i % 3), "u" + i);
                }
            }
            // the same user in another course: a match on one column is no match
            db.row(members, "", 1, "c9", "u1");
            // u4 stored twice (a dedupe that has not run yet): the newer one is the stored version
            db.row(members, "", 2, "c1", "u4");
            db.exec("UPDATE testlms_members SET json_hash = 'newer' WHERE rowid = (SELECT MAX(rowid) FROM testlms_members)");

            Map<List<String>, TableWriter.Existing> found = db.db.inTransaction(c -> {
                try (TableWriter t = new TableWriter(c, members)) {
                    return t.find(page);
                }
            });

            assertEquals((keys + 1) / 2, found.size(), found.keySet().toString());
            for (int i = 0; i < keys; i++) {
                assertEquals(i % 2 == 0, found.containsKey(page.get(i)), page.get(i).toString());
            }
            assertFalse(found.containsKey(List.of("c9", "u1")), "not asked for");
            assertEquals("newer", found.get(List.of("c1", "u4")).hash());
            assertEquals("h", found.get(List.of("c0", "u0")).hash());
            assertEquals(db.scalar("SELECT MAX(rowid) FROM testlms_members"), found.get(List.of("c1", "u4")).rowid());
        }
    }

    @Test
    void oneColumnIdentitiesAndAnEmptyPage() throws Exception {
        try (CoreFixture db = new CoreFixture(courses)) {
            db.row(courses, "", 1, "a");
            db.row(courses, "", 1, "b");
            Map<List<String>, TableWriter.Existing> found = db.db.inTransaction(c -> {
                try (TableWriter t = new TableWriter(c, courses)) {
                    assertTrue(t.find(List.of()).isEmpty());
                    return t.find(List.of(List.of("b"), List.of("z")));
                }
            });
            assertEquals(Map.of(List.of("b"), found.get(List.of("b"))), found);
        }
    }
}
