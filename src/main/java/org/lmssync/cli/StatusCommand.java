package org.lmssync.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import org.lmssync.config.Settings;
import org.lmssync.store.DataSources;
import org.lmssync.store.SqliteDataSources;
import org.lmssync.store.SyncDatabase;

/** {@code status}: the latest runs per LMS, from the sync DB, without starting Camel. */
final class StatusCommand {
    private static final int RUNS_PER_LMS = 3;

    private final Settings settings;
    private final PrintStream out;
    private final boolean json;

    StatusCommand(Settings settings, PrintStream out, boolean json) {
        this.settings = settings;
        this.out = out;
        this.json = json;
    }

    int run() {
        String url = DataSources.checkedUrl(settings);
        boolean sqlite = SqliteDataSources.isSqlite(url);
        // what the report names as its DB: the file, or the PostgreSQL server and database (never its credentials)
        String file = sqlite ? SqliteDataSources.file(url).toString() : withoutQuery(url);
        if (sqlite && !Files.exists(SqliteDataSources.file(url))) {
            if (json) {
                out.println(RunReport.json(null, file, RUNS_PER_LMS));
                return App.OK;
            }
            out.println("No sync DB at " + file + " yet: run 'once' or 'run' first.");
            return App.OK;
        }
        javax.sql.DataSource ds = DataSources.create(settings);
        try (SyncDatabase db = new SyncDatabase(ds)) {
            db.open();
            if (json) {
                out.println(RunReport.json(db, file, RUNS_PER_LMS));
                return App.OK;
            }
            out.println("Sync DB: " + file);
            out.print(RunReport.latest(db, RUNS_PER_LMS));
        } catch (java.sql.SQLException e) {
            throw new org.lmssync.config.ConfigException("lms.db.url", "cannot read " + file + ": " + e.getMessage());
        } finally {
            DataSources.close(ds);
        }
        return App.OK;
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
