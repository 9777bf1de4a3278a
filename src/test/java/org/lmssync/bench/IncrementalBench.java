package org.lmssync.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * (b) the cost of syncing the same changed records into a small and a big table. The listing is
 * newest first and the resource a watermark one, so the incremental run reads only the changed
 * records (plus the one page that reaches the watermark): the cost measured is the writing of the
 * changes. The time is the run's own (sync_runs started_at to finished_at), so the JVM start does
 * not blur a one-second figure. Reference rows: the seed's unscoped dedupe statement, and the
 * scoped one, run by plain JDBC after appending the same changed rows to the same tables.
 */
final class IncrementalBench {
    /** The dedupe statements, with {rowid} for the DB's row-order column (rowid, row_seq). */
    private static final String UNSCOPED = "DELETE FROM " + BenchLms.TABLE
            + " WHERE {rowid} NOT IN (SELECT MAX({rowid}) FROM " + BenchLms.TABLE + " GROUP BY id)";
    private static final String SCOPED = "DELETE FROM " + BenchLms.TABLE + " WHERE {rowid} IN (SELECT o.{rowid} FROM "
            + BenchLms.TABLE + " AS n JOIN " + BenchLms.TABLE + " AS o ON o.id = n.id AND o.{rowid} < n.{rowid} WHERE n.{rowid} > %d)";

    private final BenchRig rig;

    /** The medians at one table size. */
    private record AtSize(int rows, double sync, double unscoped, double scoped) {
    }

    IncrementalBench(BenchRig rig) {
        this.rig = rig;
    }

    /** {@code bigDb}: a DB already holding a full sync of the largest size, or null to make one. */
    void run(Path bigDb) throws Exception {
        AtSize small = measure(rig.settings().smallTable(), null);
        AtSize big = measure(rig.settings().bigTable(), bigDb);
        String c = String.format("%,d changed", rig.settings().changes());
        String s = String.format("%,d", small.rows());
        String b = String.format("%,d", big.rows());
        String on = rig.on();
        rig.report().add(Figure.info("b. " + c + " into " + s + " rows" + on, small.sync(), "s", "sync_runs duration"));
        rig.report().add(Figure.info("b. " + c + " into " + b + " rows" + on, big.sync(), "s", "sync_runs duration"));
        rig.report().add(Figure.atMost("b. incremental cost " + b + " / " + s + on, big.sync() / small.sync(), "ratio", 1.5, ""));
        rig.report().add(Figure.info("b. ref: unscoped dedupe SQL " + b + " / " + s + on, big.unscoped() / small.unscoped(), "ratio",
                String.format("seed statement, DELETE+COMMIT: %.3f s vs %.3f s", big.unscoped(), small.unscoped())));
        rig.report().add(Figure.info("b. ref: scoped dedupe SQL " + b + " / " + s + on, big.scoped() / small.scoped(), "ratio",
                String.format("identity-scoped statement, DELETE+COMMIT: %.3f s vs %.3f s", big.scoped(), small.scoped())));
    }

    private AtSize measure(int rows, Path prepared) throws Exception {
        rig.server().source().reset(rows);
        Path db = prepared;
        if (db == null) {
            db = rig.work().resolve("incremental-" + rows + ".db");
            BenchLms.require(rig.jar().once(rig.config(db)));
        }
        FullSyncBench.expectRows(rig, db, rows);
        List<Double> sync = new ArrayList<>();
        for (int r = 0; r < rig.settings().repeat(); r++) {
            rig.server().source().change(rig.settings().changes());
            BenchLms.require(rig.jar().once(rig.config(db)));
            SyncDb.LastRun run = SyncDb.lastRun(rig.db(), db);
            if (run.updated() != rig.settings().changes() || run.inserted() != 0) {
                throw new IllegalStateException("the incremental run updated " + run.updated() + " and inserted "
                        + run.inserted() + ", not " + rig.settings().changes() + " and 0");
            }
            sync.add(run.seconds());
            System.out.printf("BENCH   incremental into %,d rows" + rig.on() + " run %d: %.2f s, %d requests%n", rows, r + 1, run.seconds(),
                    run.requests());
        }
        List<Double> unscoped = new ArrayList<>();
        List<Double> scoped = new ArrayList<>();
        for (int r = 0; r < rig.settings().repeat(); r++) {
            unscoped.add(dedupe(db, false));
            scoped.add(dedupe(db, true));
        }
        FullSyncBench.expectRows(rig, db, rows);
        rig.db().delete(db);
        return new AtSize(rows, Stats.median(sync), Stats.median(unscoped), Stats.median(scoped));
    }

    /** Appends a second version of the changed rows, then times the dedupe statement and its commit. */
    private double dedupe(Path db, boolean scopedStatement) throws Exception {
        List<String> changed = rig.server().source().changedIds();
        int c = changed.size();
        String ids = changed.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        String rowId = rig.db().rowId();
        try (Connection con = SyncDb.open(rig.db(), db); Statement st = con.createStatement()) {
            if (rig.db() == BenchDb.SQLITE) {
                // the app's connection settings; a PostgreSQL connection has the server's, as the app's has
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
            }
            long before = SyncDb.scalar(rig.db(), db, "SELECT MAX(" + rowId + ") FROM " + BenchLms.TABLE);
            String cols = "id, scope, json, json_hash, create_date, last_modified_date, source_create_date,"
                    + " source_last_modified_date, import_date, as_of_date, deleted_at, run_id, retired_at";
            con.setAutoCommit(false);
            int appended = st.executeUpdate("INSERT INTO " + BenchLms.TABLE + " (" + cols + ") SELECT " + cols + " FROM "
                    + BenchLms.TABLE + " WHERE id IN (" + ids + ")");
            con.commit();
            if (rig.db() == BenchDb.POSTGRES && !scopedStatement) {
                // The seed's NOT IN is cheap only while PostgreSQL can hash its subquery in work_mem
                // (4 MB by default: about 100,000 identities); past that the plan rescans the subquery
                // for every row, which is quadratic (at 101,000 rows it had not ended after 2 minutes). The reference is
                // the statement's own cost, so it gets the memory that keeps it hashed (1,000,000 rows
                // need about 40 MB), only in this transaction.
                st.execute("SET LOCAL work_mem = '256MB'");
            }
            long t0 = System.nanoTime();
            int deleted = st.executeUpdate((scopedStatement ? String.format(SCOPED, before) : UNSCOPED).replace("{rowid}", rowId));
            con.commit();
            double secs = (System.nanoTime() - t0) / 1e9;
            if (appended != c || deleted != c) {
                throw new IllegalStateException("dedupe reference: appended " + appended + ", deleted " + deleted + ", not " + c);
            }
            return secs;
        }
    }
}
