package org.lmssync;

import java.io.PrintStream;
import java.nio.file.Files;
import org.lmssync.config.Settings;
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
        String url = settings.require("lms.db.url");
        if (!SqliteDataSources.isSqlite(url)) {
            throw new org.lmssync.config.ConfigException("lms.db.url", "must be a SQLite JDBC URL, not '" + url + "'");
        }
        java.nio.file.Path file = SqliteDataSources.file(url);
        if (!Files.exists(file)) {
            if (json) {
                out.println(RunReport.json(null, file, RUNS_PER_LMS));
                return App.OK;
            }
            out.println("No sync DB at " + file + " yet: run 'once' or 'run' first.");
            return App.OK;
        }
        try (SyncDatabase db = new SyncDatabase(SqliteDataSources.create(url))) {
            db.open();
            if (json) {
                out.println(RunReport.json(db, file, RUNS_PER_LMS));
                return App.OK;
            }
            out.println("Sync DB: " + file);
            out.print(RunReport.latest(db, RUNS_PER_LMS));
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new org.lmssync.config.ConfigException("lms.db.url", "cannot read " + file + ": " + e.getMessage());
        }
        return App.OK;
    }
}
