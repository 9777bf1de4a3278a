package org.lmssync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The sync DB, from a {@link DataSource} its caller owns, written by one connection at a time.
 * It is the one owner of transactions: every write runs in {@link #inTransaction}, which
 * serialises the work of concurrent runs (two LMSs syncing at once in one process) on the single
 * writer and commits or rolls back exactly that work, never another run's statements.
 */
public final class SyncDatabase implements AutoCloseable {
    private final DataSource dataSource;
    private final Object writeLock = new Object();
    private Connection writer;
    private volatile Dialect dialect;

    /** @param dataSource the sync DB, owned by the caller (the CLI or the host): this class never closes it */
    public SyncDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Creates (or upgrades) the bookkeeping tables. */
    public synchronized void open() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.of(c);
        }
        write(c -> {
            dialect.lockForDdl(c);
            try (Statement st = c.createStatement()) {
                for (String ddl : Schema.bookkeeping(dialect)) {
                    st.execute(ddl);
                }
            }
            Schema.upgradeBookkeeping(c, dialect);
            if (dialect == Dialect.POSTGRESQL) {
                Leases.create(c);
            }
        });
    }

    /** SQLite or PostgreSQL; known once {@link #open} has run. */
    public Dialect dialect() {
        return dialect;
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

    /** Closes the writer connection (the DataSource stays the caller's). */
    @Override
    public void close() {
        synchronized (writeLock) {
            closeWriter();
        }
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
