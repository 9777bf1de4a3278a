package org.lmssync.simulator.google;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.lmssync.simulator.SimClock;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

abstract class GoogleSimTestBase {
    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2025-03-10");

    @TempDir
    Path tmp;
    GoogleSimulator sim;
    SimClock clock;

    GoogleSimConfig.Builder config() {
        clock = SimClock.fixed(NOW);
        return GoogleSimConfig.builder().clock(clock).today(TODAY).threads(4);
    }

    GoogleTestClient start(GoogleSimConfig cfg) throws Exception {
        sim = GoogleSimulator.start(cfg);
        return new GoogleTestClient(sim, sim.writeServiceAccountKey(tmp.resolve("key.json")));
    }

    GoogleTestClient startAndLogin() throws Exception {
        return start(config().build()).login();
    }

    @AfterEach
    void stopSim() {
        if (sim != null) {
            sim.close();
        }
    }
}
