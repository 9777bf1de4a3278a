package org.lmssync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmssync.TestDb;

/** The DDL on the DB of this pass (SQLite, or PostgreSQL in the build's postgres pass). */
class SchemaTest {
    @TempDir
    Path dir;

    @Test
    void indexNamesPastPostgresqlsLimitStayDistinctInsteadOfBeingCut() {
        String a = "a".repeat(60) + "_x";
        String b = "a".repeat(60) + "_y";
        String ia = Schema.indexName(a, "identity");
        String ib = Schema.indexName(b, "identity");
        assertTrue(ia.length() <= Schema.MAX_NAME && ib.length() <= Schema.MAX_NAME, ia + " / " + ib);
        assertNotEquals(ia, ib);
        assertEquals("canvas_courses_identity", Schema.indexName("canvas_courses", "identity"), "short names are unchanged");
    }

    @Test
    void twoLongTablesThatDifferOnlyPastTheLimitEachGetTheirIdentityIndex() throws Exception {
        String a = "t" + "a".repeat(55) + "_first";
        String b = "t" + "a".repeat(55) + "_other";
        try (Connection c = TestDb.connect(dir.resolve("db"))) {
            Schema.createResourceTable(c, a, List.of("id"));
            Schema.createResourceTable(c, b, List.of("id"));
            assertEquals(List.of("id"), TestDb.indexColumns(c, a, Schema.indexName(a, "identity")));
            assertEquals(List.of("id"), TestDb.indexColumns(c, b, Schema.indexName(b, "identity")));
        }
    }

    @Test
    void creatingATableTwiceAndUpgradingItIsHarmless() throws Exception {
        try (Connection c = TestDb.connect(dir.resolve("db"))) {
            Schema.createResourceTable(c, "x_items", List.of("course_id", "id"));
            Schema.createResourceTable(c, "x_items", List.of("course_id", "id"));
            assertTrue(Dialect.of(c).hasColumn(c, "x_items", "retired_at"));
            assertTrue(Dialect.of(c).hasColumn(c, "x_items", Dialect.of(c).rowId()) || Dialect.of(c) == Dialect.SQLITE);
        }
    }

    @Test
    void aPostgresqlKeyWordCannotNameAnIdentityColumnThere() throws Exception {
        try (Connection c = TestDb.connect(dir.resolve("db"))) {
            if (Dialect.of(c) == Dialect.POSTGRESQL) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Schema.createResourceTable(c, "x_users", List.of("user")));
                assertTrue(e.getMessage().contains("'user'") && e.getMessage().contains("x_users"), e.getMessage());
            } else {
                Schema.createResourceTable(c, "x_users", List.of("user"));
                assertTrue(Dialect.of(c).hasColumn(c, "x_users", "user"));
            }
        }
    }
}
