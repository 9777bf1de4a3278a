package org.lmssync.engine.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.lmssync.engine.spi.StopSignal;
import org.lmssync.store.Dialect;
import org.lmssync.store.Leases;
import org.lmssync.store.SyncDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an LMS at a time across every process on the sync DB: on PostgreSQL a run holds the
 * LMS's lease row (see {@link Leases}), renewed with each page commit and, for long waits between
 * pages, every third of its length. A node that loses it stops its run; its next page commit
 * would fail anyway. On SQLite the file is one process's (the CLI's lock file), so there is none.
 */
public final class RunLease {
    private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);

    private final SyncDatabase db;
    private final String owner;
    private final int seconds;
    private final ScheduledExecutorService timer;
    private final Map<String, ScheduledFuture<?>> renewals = new ConcurrentHashMap<>();
    /** Per LMS held, the session whose lock says this process is alive. */
    private final Map<String, Connection> sessions = new ConcurrentHashMap<>();

    /**
     * @param owner   this process: its node's name ({@code lms.cluster.node-id}) and its pid
     * @param seconds how long a lease lasts without renewal: how long a dead node's LMS waits for another node
     * @param timer   runs the renewals
     */
    public RunLease(SyncDatabase db, String owner, int seconds, ScheduledExecutorService timer) {
        this.db = db;
        this.owner = owner;
        this.seconds = seconds;
        this.timer = timer;
    }

    private boolean applies() {
        return db.dialect() == Dialect.POSTGRESQL;
    }

    /** Takes the LMS's lease for a run, or says (and logs) which node holds it. */
    boolean acquire(String lms) throws SQLException {
        if (!applies()) {
            return true;
        }
        Connection session = db.dataSource().getConnection();
        boolean locked = false;
        boolean taken = false;
        try {
            locked = Leases.lockSession(session, lms);
            boolean holderGone = locked;
            taken = db.inTransaction(c -> Leases.acquire(c, lms, owner, seconds, holderGone));
            if (taken && locked) {
                sessions.put(lms, session);
            }
        } finally {
            if (!sessions.containsKey(lms)) {
                closeSession(session, locked ? lms : null);
            }
        }
        if (!taken) {
            String holder = db.inTransaction(c -> Leases.holder(c, lms)).map(h -> h.owner() + ", lease until " + h.expiresAt())
                    .orElse("another node");
            LOG.warn("{}: another lms-sync process is syncing it ({}); this trigger is skipped", lms, holder);
        }
        return taken;
    }

    /** Renews the lease of the run until {@link #release}; a lost lease stops the run. */
    void keep(String lms, StopSignal onLost) {
        if (applies()) {
            long every = Math.max(1, seconds * 1000L / 3);
            renewals.put(lms, timer.scheduleWithFixedDelay(() -> renew(lms, onLost), every, every, TimeUnit.MILLISECONDS));
        }
    }

    /** Part of every page transaction: the page commits only while this node holds the lease. */
    public void confirm(Connection c, String lms) throws SQLException {
        if (applies()) {
            Leases.renew(c, lms, owner, seconds);
        }
    }

    /** Gives the lease up at the end of a run, so that the next fire on any node runs at once. */
    void release(String lms) {
        ScheduledFuture<?> renewal = renewals.remove(lms);
        if (renewal != null) {
            renewal.cancel(false);
        }
        if (applies()) {
            try {
                db.write(c -> Leases.release(c, lms, owner));
            } catch (SQLException e) {
                // it expires by itself
                LOG.warn("{}: could not release the run lease: {}", lms, e.getMessage());
            }
        }
        Connection session = sessions.remove(lms);
        if (session != null) {
            closeSession(session, lms);
        }
    }

    /** Unlocks {@code lockedLms} (if not null) and gives the connection back. */
    private static void closeSession(Connection session, String lockedLms) {
        try (session) {
            if (lockedLms != null) {
                Leases.unlockSession(session, lockedLms);
            }
        } catch (SQLException e) {
            // a broken session's lock ended with it
            LOG.debug("closing the lease session: {}", e.getMessage());
        }
    }

    private void renew(String lms, StopSignal onLost) {
        try {
            db.write(c -> Leases.renew(c, lms, owner, seconds));
        } catch (Leases.LeaseLost e) {
            LOG.error("{}: {}; the run stops", lms, e.getMessage());
            onLost.stop();
            ScheduledFuture<?> renewal = renewals.remove(lms);
            if (renewal != null) {
                renewal.cancel(false);
            }
        } catch (SQLException | RuntimeException e) {
            // the DB is unreachable: the next renewal or page commit tries again, before the lease expires
            LOG.warn("{}: could not renew the run lease: {}", lms, e.getMessage());
        }
    }
}
