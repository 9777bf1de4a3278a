package org.lmssync.simulator.canvas;

import org.junit.jupiter.api.AfterEach;
import org.lmssync.simulator.SimClock;

import java.time.Instant;

abstract class CanvasSimTestBase {
    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    static final Instant DATA_START = Instant.parse("2024-08-15T00:00:00Z");

    CanvasSimulator sim;
    SimClock clock;

    CanvasSimConfig.Builder config() {
        clock = SimClock.fixed(NOW);
        return CanvasSimConfig.builder().clock(clock).dataStart(DATA_START).threads(8);
    }

    CanvasTestClient start(CanvasSimConfig cfg) {
        sim = CanvasSimulator.start(cfg);
        return new CanvasTestClient(sim.baseUrl(), sim.accessToken());
    }

    CanvasTestClient start() {
        return start(config().build());
    }

    @AfterEach
    void stopSim() {
        if (sim != null) {
            sim.close();
        }
    }
}
