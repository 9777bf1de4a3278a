package org.lmssync.simulator.schoology;

import org.junit.jupiter.api.AfterEach;
import org.lmssync.simulator.SimClock;

import java.time.Instant;
import java.time.LocalDate;

abstract class SchoologySimTestBase {
    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2025-03-10");

    SchoologySimulator sim;
    SchoologyTestClient client;
    SimClock clock;

    /** A fixed clock, and no throttle (a fixed clock never refills the bucket). */
    SchoologySimConfig.Builder config() {
        clock = SimClock.fixed(NOW);
        return SchoologySimConfig.builder().clock(clock).today(TODAY).threads(4).noRateLimit();
    }

    SchoologyTestClient start(SchoologySimConfig cfg) {
        sim = SchoologySimulator.start(cfg);
        client = new SchoologyTestClient(sim);
        return client;
    }

    SchoologyTestClient start() {
        return start(config().build());
    }

    @AfterEach
    void stopSim() {
        if (sim != null) {
            sim.close();
        }
    }
}
