package org.lmssync.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.lmssync.config.ClusterConfig;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * lms-sync's own quartz component, so that a host's {@code quartz} (its scheduler, its store,
 * its thread pool) is never touched. Alone, its scheduler keeps the schedules in memory; with
 * {@code lms.cluster.enabled} they live in Quartz's clustered JDBC job store in the PostgreSQL
 * sync DB, so each fire of an LMS's trigger runs on exactly one node, and a dead node's fire is
 * recovered by another.
 */
public final class ScheduleComponent {
    /** The component's name in the host: the schedule template's URIs use it. */
    public static final String NAME = "lms-quartz";
    /** One name on every node: Quartz clusters the schedulers of that name on the same tables. */
    static final String CLUSTER_SCHEDULER = "lms-sync";

    private ScheduleComponent() {
    }

    /**
     * @param scheduled  whether triggers run here ({@code run}); {@code once} starts no scheduler, and
     *                   never a clustered one, which would take the cluster's fires for routes it does not run
     * @param contextName the host's context name, which keeps a local scheduler apart from others in the JVM
     */
    public static QuartzComponent create(ClusterConfig cluster, boolean scheduled, DataSource db, String contextName) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setPrefixInstanceName(false);
        quartz.setEnableJmx(false);
        quartz.setAutoStartScheduler(scheduled);
        // A scheduler that never starts runs no job: its shutdown need not wait for its idle
        // workers (that wait cost `once` about 0.5 s at exit).
        quartz.setInterruptJobsOnShutdown(!scheduled);
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        // one worker per LMS and one to spare: a fire holds its worker for the whole run
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        if (cluster.enabled() && scheduled) {
            String source = "lmsSync-" + cluster.nodeId();
            DBConnectionManager.getInstance().addConnectionProvider(source, new Provider(db));
            p.setProperty("org.quartz.scheduler.instanceName", CLUSTER_SCHEDULER);
            p.setProperty("org.quartz.scheduler.instanceId", cluster.nodeId());
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.setProperty("org.quartz.jobStore.dataSource", source);
            p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(cluster.checkinSeconds() * 1000L));
            // without it two nodes can acquire the same trigger (quartz-scheduler/quartz#29, #106)
            p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        } else {
            p.setProperty("org.quartz.scheduler.instanceName", "lms-sync-" + contextName);
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        quartz.setProperties(p);
        return quartz;
    }

    /** Quartz's connections come from the sync DB's own DataSource (its pool), not a second one. */
    private record Provider(DataSource db) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return db.getConnection();
        }

        @Override
        public void shutdown() {
            // the DataSource is lms-sync's or the host's, closed by its owner
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
