package org.lmssync.observe;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The readiness check {@code lms-sync-<lms>} of one enabled LMS, in the host's Camel health-check
 * registry (group {@code lms-sync}). Never a liveness check: a failing LMS API must not get the
 * process restarted.
 */
public final class LmsReadinessCheck extends AbstractHealthCheck {
    public static final String GROUP = "lms-sync";
    private final SyncHealth health;
    private final String lms;

    public LmsReadinessCheck(SyncHealth health, String lms) {
        super(GROUP, "lms-sync-" + lms);
        this.health = health;
        this.lms = lms;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        SyncHealth.State s = health.state(lms);
        s.details().forEach(builder::detail);
        builder.message(s.reason());
        if (s.up()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
