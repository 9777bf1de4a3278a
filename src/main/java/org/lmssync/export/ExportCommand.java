package org.lmssync.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.lmssync.config.ConfigException;
import org.lmssync.store.SqliteDataSources;
import org.lmssync.config.Settings;
import org.sqlite.SQLiteConfig;

/**
 * {@code export --udm DIR [--lms a,b]}: the Ed-Fi UDM CSV tree of each LMS under {@code DIR}
 * ({@code DIR/<lms>/…}), from the sync DB opened read-only (so it may run while a sync writes).
 * Without {@code --lms}, every LMS the sync DB has tables for. Exit 0 ok, 1 an export failed,
 * 2 bad configuration.
 */
public final class ExportCommand {
    /** The key naming the export root when {@code --udm} is not given (and that {@code run} exports to). */
    public static final String DIR_KEY = "lms.export.udm-dir";

    private final Settings settings;
    private final Path udm;
    private final List<String> only;
    private final PrintStream out;
    private final PrintStream err;

    /** @param udm the {@code --udm} folder, or null for {@value #DIR_KEY} */
    public ExportCommand(Settings settings, Path udm, List<String> only, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.udm = udm;
        this.only = only;
        this.out = out;
        this.err = err;
    }

    public int run() {
        Path dir = udm != null ? udm : settings.find(DIR_KEY).filter(s -> !s.isBlank()).map(Path::of)
                .orElseThrow(() -> new ConfigException("--udm", "export needs the folder to write to: --udm DIR (or " + DIR_KEY + ")"));
        List<UdmMapping> asked = new ArrayList<>();
        for (String name : only) {
            try {
                asked.add(UdmMapping.of(name));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--lms", e.getMessage());
            }
        }
        String url = settings.require("lms.db.url");
        if (org.lmssync.store.DataSources.isPostgres(url)) {
            // its SQL reads the stored JSON with SQLite's JSON functions
            throw new ConfigException("lms.db.url", "export reads a SQLite sync DB; a PostgreSQL one is not supported yet");
        }
        if (!SqliteDataSources.isSqlite(url)) {
            throw new ConfigException("lms.db.url", "must be a SQLite JDBC URL such as jdbc:sqlite:data/lms-sync.db, not '" + url + "'");
        }
        Path file = SqliteDataSources.file(url);
        if (!Files.exists(file)) {
            throw new ConfigException("lms.db.url", "there is no sync DB at " + file + ": run 'once' or 'run' first");
        }
        try (Connection db = openReadOnly(url)) {
            List<UdmMapping> lmss = asked.isEmpty() ? synced(db) : asked;
            if (lmss.isEmpty()) {
                err.println("lms-sync: the sync DB " + file + " has no LMS tables yet: nothing to export");
                return 1;
            }
            boolean failed = false;
            UdmExporter exporter = new UdmExporter();
            for (UdmMapping m : lmss) {
                try {
                    ExportResult r = exporter.export(db, m, dir);
                    out.print(ExportReport.of(r));
                } catch (SQLException | IOException | RuntimeException e) {
                    err.println("lms-sync: export of " + m.lms() + " failed: " + e.getMessage());
                    failed = true;
                }
            }
            return failed ? 1 : 0;
        } catch (SQLException e) {
            err.println("lms-sync: cannot read the sync DB " + file + ": " + e.getMessage());
            return 1;
        }
    }

    /** The sync DB, read-only: the export never writes to it. */
    static Connection openReadOnly(String url) throws SQLException {
        SQLiteConfig c = new SQLiteConfig();
        c.setReadOnly(true);
        c.setBusyTimeout(30_000);
        return DriverManager.getConnection(url, c.toProperties());
    }

    private static List<UdmMapping> synced(Connection db) throws SQLException {
        List<UdmMapping> out = new ArrayList<>();
        for (UdmMapping m : UdmMapping.all()) {
            if (UdmExporter.hasTables(db, m)) {
                out.add(m);
            }
        }
        return out;
    }
}
