package org.lmssync;

import java.io.PrintStream;
import java.nio.file.Files;
import org.lmssync.config.EngineConfig;
import org.lmssync.config.Settings;
import org.lmssync.store.SyncDatabase;

/** {@code status}: the latest runs per LMS, from the sync DB, without starting Camel. */
final class StatusCommand {
    private static final int RUNS_PER_LMS = 3;

    private final Settings settings;
    private final PrintStream out;

    StatusCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    int run() {
        EngineConfig config = EngineConfig.from(settings);
        if (!Files.exists(config.dbFile())) {
            out.println("No sync DB at " + config.dbFile() + " yet: run 'once' or 'run' first.");
            return App.OK;
        }
        try (SyncDatabase db = new SyncDatabase(config.dbUrl(), config.dbFile())) {
            db.open();
            out.println("Sync DB: " + config.dbFile());
            out.print(RunReport.latest(db, RUNS_PER_LMS));
        } catch (java.sql.SQLException e) {
            throw new org.lmssync.config.ConfigException("lms.db.url", "cannot read " + config.dbFile() + ": " + e.getMessage());
        }
        return App.OK;
    }
}
