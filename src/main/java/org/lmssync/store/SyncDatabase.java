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
 * time. It is the one owner of transactions: every write runs in {@link #inTransaction}, which
 * serialises the work of concurrent runs (two LMSs syncing at once in one process) on the single
 * writer and commits or rolls back exactly that work, never another run's statements.
 */
public final class SyncDatabase implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final String url;
    private final Path file;
    private final SQLiteDataSource dataSource;
    private final Object writeLock = new Object();
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

    /** Work done in one transaction of the writer connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Work done in one transaction that returns nothing. */
    @FunctionalInterface
    public interface Step {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} as one transaction: commits when it returns, rolls back when it throws.
     * Callers wait for each other, so a transaction holds only its own statements; keep the work
     * short (one page), never an HTTP request.
     */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        synchronized (writeLock) {
            Connection c = writer();
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** {@link #inTransaction(Work)} for work without a result. */
    public void write(Step step) throws SQLException {
        inTransaction(c -> {
            step.run(c);
            return null;
        });
    }

    /** The one writer connection (auto-commit off); only ever used inside {@link #inTransaction}. */
    private Connection writer() throws SQLException {
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
        synchronized (writeLock) {
            closeWriter();
        }
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

    private void closeWriter() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (SQLException ignored) {
            // closing on the way out
        }
        writer = null;
    }
}
