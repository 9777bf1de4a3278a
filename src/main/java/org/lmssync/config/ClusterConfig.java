package org.lmssync.config;

/**
 * {@code lms.cluster.*}: more than one node on one PostgreSQL sync DB. The run lease applies to
 * every PostgreSQL sync DB; {@code enabled} also moves the schedules into Quartz's clustered JDBC
 * job store there, so each fire runs on one node.
 *
 * @param enabled        the quartz schedules live in the sync DB, shared by every node
 * @param nodeId         this node's name, unique in the cluster (default: the host name)
 * @param leaseSeconds   how long an LMS's run lease lasts unrenewed: how long a dead node's LMS waits
 * @param checkinSeconds how often a node tells Quartz it is alive; a node silent for longer is
 *                       taken for dead and its fires recovered by another
 */
public record ClusterConfig(boolean enabled, String nodeId, int leaseSeconds, int checkinSeconds) {

    public static ClusterConfig from(Settings s) {
        boolean enabled = s.flag("lms.cluster.enabled");
        String node = s.find("lms.cluster.node-id").filter(v -> !v.isBlank()).orElseGet(ClusterConfig::hostName);
        if (!node.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new ConfigException("lms.cluster.node-id", "use letters, digits and . _ : - (at most 100), not '" + node + "'");
        }
        return new ClusterConfig(enabled, node, s.integer("lms.cluster.lease-seconds", 3, 86_400),
                s.integer("lms.cluster.checkin-seconds", 1, 3_600));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }
}
