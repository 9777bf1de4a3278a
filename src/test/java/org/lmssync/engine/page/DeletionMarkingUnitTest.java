package org.lmssync.engine.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.run.CoreFixture;

/**
 * {@link DeletionMarker} on a temp sync DB: after a complete listing of one scope it marks exactly
 * the live rows of that scope the pass did not see, their children follow, and the guard holds
 * back a listing that lacks too much of a scope.
 */
class DeletionMarkingUnitTest {
    private static final String NOW = "2026-12-01T10:00:00.000Z";
    private final ResourceDefinition courses = CoreFixture.resource("courses", null, "https://t/v1/courses", "id=id");
    private final ResourceDefinition sections = CoreFixture.resource("sections", "courses",
            "https://t/v1/courses/{id}/sections", "course_id=@parent.id, id=id");
    private final ResourceDefinition members = CoreFixture.resource("members", "sections",
            "https://t/v1/sections/{id}/members", "section_id=@parent.id, id=id");
    private CoreFixture db;

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private DeletionMarker.Outcome mark(ResourceDefinition def, String scope, long passRunId, int guardPercent) throws Exception {
        DeletionMarker marker = new DeletionMarker(db.catalog, guardPercent);
        return db.db.inTransaction(c -> marker.mark(c, def, scope, passRunId, NOW));
    }

    @Test
    void onlyRowsOfTheScopeThatThePassDidNotSeeAreMarkedAndTheirChildrenFollow() throws Exception {
        db = new CoreFixture(courses, sections, members);
        // pass of run 5 saw c1 and c2 (touched to run 5); c3 was last seen in run 4
        db.row(courses, "", 5, "c1");
        db.row(courses, "", 5, "c2");
        db.row(courses, "", 4, "c3");
        db.row(sections, "c3", 4, "c3", "s31");
        db.row(sections, "c3", 4, "c3", "s32");
        db.row(sections, "c1", 4, "c1", "s11");
        db.row(members, "c3/s31", 4, "s31", "m1");
        db.row(members, "c1/s11", 4, "s11", "m2");
        db.state(sections, "c3", CoreFixture.resumePoint("https://t/v1/courses/c3/sections?page=2", 4));
        db.state(sections, "c1", CoreFixture.resumePoint("https://t/v1/courses/c1/sections?page=2", 4));

        DeletionMarker.Outcome out = mark(courses, "", 5, 50);
        assertEquals(1, out.deleted(), "the count is of the scope's own rows");
        assertNull(out.guardWarning(), "3 live rows are too few for the guard to mean anything");
        assertEquals(List.of("c3"), db.column("SELECT id FROM testlms_courses WHERE deleted_at = '" + NOW + "'"));
        assertEquals(List.of("s31", "s32"), db.column("SELECT id FROM testlms_sections WHERE deleted_at IS NOT NULL ORDER BY id"));
        assertEquals(List.of("m1"), db.column("SELECT id FROM testlms_members WHERE deleted_at IS NOT NULL"),
                "the cascade reaches grandchildren");
        assertNull(db.state(sections, "c3").nextPage(), "a deleted parent's child scope forgets its resume point");
        assertNotNull(db.state(sections, "c1").nextPage(), "a live parent's child scope keeps it");

        assertEquals(0, mark(courses, "", 5, 50).deleted(), "marking again finds nothing new");
        assertEquals(NOW, db.column("SELECT deleted_at FROM testlms_courses WHERE id = 'c3'").get(0));
    }

    @Test
    void aChildScopeIsMarkedAloneAndOtherScopesOfTheTableAreUntouched() throws Exception {
        db = new CoreFixture(courses, sections, members);
        db.row(sections, "c1", 7, "c1", "s1");
        db.row(sections, "c1", 6, "c1", "s2");
        db.row(sections, "c2", 6, "c2", "s3");
        db.row(sections, "c2", 6, "c2", "s4");
        assertEquals(1, mark(sections, "c1", 7, 50).deleted());
        assertEquals(List.of("s2"), db.column("SELECT id FROM testlms_sections WHERE deleted_at IS NOT NULL"),
                "c2's rows were not in this listing: they are not its to mark");
    }

    @Test
    void theGuardHoldsBackAListingThatLacksMoreThanItsShareOfAScope() throws Exception {
        db = new CoreFixture(courses, sections, members);
        int live = DeletionMarker.GUARD_MIN_ROWS + 2;
        for (int i = 0; i < live; i++) {
            // 7 of 12 unseen: 58% > 50%
            db.row(courses, "", i < 7 ? 1 : 2, "c" + i);
        }
        DeletionMarker.Outcome held = mark(courses, "", 2, 50);
        assertEquals(0, held.deleted());
        assertNotNull(held.guardWarning());
        assertTrue(held.guardWarning().contains("lacks 7 of 12 live rows"), held.guardWarning());
        assertEquals(0, db.scalar("SELECT COUNT(*) FROM testlms_courses WHERE deleted_at IS NOT NULL"));

        // one of them comes back: 6 of 12 is exactly the limit, not over it
        db.exec("UPDATE testlms_courses SET run_id = 2 WHERE id = 'c0'");
        DeletionMarker.Outcome marked = mark(courses, "", 2, 50);
        assertNull(marked.guardWarning());
        assertEquals(6, marked.deleted());
        // a higher limit lets more through; 100% is no guard at all
        db.exec("UPDATE testlms_courses SET deleted_at = NULL, run_id = 1");
        assertEquals(live, mark(courses, "", 2, 100).deleted());
    }
}
