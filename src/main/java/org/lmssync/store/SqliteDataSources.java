package org.lmssync.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The SQLite sync DB as a {@link DataSource}: WAL mode, a busy timeout, its folder created. */
public final class SqliteDataSources {
    private static final String PREFIX = "jdbc:sqlite:";
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private SqliteDataSources() {
    }

    public static boolean isSqlite(String url) {
        return url != null && url.startsWith(PREFIX) && url.length() > PREFIX.length();
    }

    /** The file behind a SQLite JDBC URL (without its query). */
    public static Path file(String url) {
        String path = url.substring(PREFIX.length());
        int q = path.indexOf('?');
        return Path.of(q < 0 ? path : path.substring(0, q));
    }

    /** A DataSource on the file of {@code url}; its folder is created first. */
    public static DataSource create(String url) throws IOException {
        Path parent = file(url).toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commit.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }
}
