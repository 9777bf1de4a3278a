package org.lmssync.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The sync DB: one SQLite file in WAL mode with a busy timeout, written by one connection at a
 * time. {@link #writer()} hands out the single writer connection; other readers open their own.
 */
public final class SyncDatabase implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final String url;
    private final Path file;
    private final SQLiteDataSource dataSource;
    private Connection writer;
    private FileChannel lockChannel;
    private FileLock lock;

    public SyncDatabase(String url, Path file) {
        this.url = url;
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commit.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        this.dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
    }

    public String url() {
        return url;
    }

    public SQLiteDataSource dataSource() {
        return dataSource;
    }

    /** Creates the folder and the bookkeeping tables. */
    public synchronized void open() throws SQLException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String ddl : Schema.BOOKKEEPING) {
                st.execute(ddl);
            }
            Schema.upgradeBookkeeping(c);
        }
    }

    /** The one writer connection (auto-commit off). */
    public synchronized Connection writer() throws SQLException {
        if (writer == null || writer.isClosed()) {
            writer = dataSource.getConnection();
            writer.setAutoCommit(false);
        }
        return writer;
    }

    /**
     * Takes the cross-process writer lock (a lock file beside the DB), so that two processes never
     * interleave their pages in one DB. Fails fast rather than waiting. Taken before the DB is
     * opened and held until {@link #close()}: a second process must not wait on SQLite's lock.
     */
    public synchronized void lockForWriting() throws Busy {
        if (lock != null) {
            return;
        }
        Path lockFile = Path.of(file.toString() + ".lock");
        try {
            Path parent = lockFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly();
            throw new Busy("another lms-sync process is syncing " + file
                    + " (lock " + lockFile + " is held); try again when it has finished");
        }
    }

    /** The DB is being synced by another process. */
    public static final class Busy extends IOException {
        Busy(String message) {
            super(message);
        }
    }

    private void closeQuietly() {
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // nothing to release
        }
        lockChannel = null;
    }

    @Override
    public synchronized void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (SQLException ignored) {
            // closing on the way out
        }
        writer = null;
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException ignored) {
            // released with the channel
        }
        lock = null;
        closeQuietly();
    }
}
