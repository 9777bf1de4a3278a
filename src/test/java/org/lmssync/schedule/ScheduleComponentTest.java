package org.lmssync.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.Test;
import org.lmssync.config.ClusterConfig;

class ScheduleComponentTest {
    private static final ClusterConfig ALONE = new ClusterConfig(false, "node-a", 60, 15);

    @Test
    void aScheduleThatRunsFiresWaitsForTheFireInFlightWhenStopped() {
        // a stop must let a running sync commit its page in flight, not interrupt it
        QuartzComponent quartz = ScheduleComponent.create(ALONE, true, null, "ctx");
        assertTrue(quartz.isAutoStartScheduler());
        assertFalse(quartz.isInterruptJobsOnShutdown());
    }

    @Test
    void aScheduleThatNeverStartsDoesNotWaitForIdleWorkersWhenStopped() {
        // `once` and a host that triggers runs itself: no fire ever runs, so stopping waits for none
        QuartzComponent quartz = ScheduleComponent.create(ALONE, false, null, "ctx");
        assertFalse(quartz.isAutoStartScheduler());
        assertTrue(quartz.isInterruptJobsOnShutdown());
    }
}
