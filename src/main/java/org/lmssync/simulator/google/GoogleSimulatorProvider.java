package org.lmssync.simulator.google;

import org.lmssync.simulator.SimOptions;
import org.lmssync.simulator.SimulatorProvider;

/** The demo's Google districts: small about 7,000 records, medium about 80,000. */
public final class GoogleSimulatorProvider implements SimulatorProvider {
    private static final DistrictSize DEMO_SMALL = new DistrictSize(20, 25, 2, 8, 400, 30);

    @Override
    public String lms() {
        return "google";
    }

    @Override
    public GoogleSimulator start(SimOptions options) {
        DistrictSize size = options.pick(DEMO_SMALL, DistrictSize.medium());
        return GoogleSimulator.start(GoogleSimConfig.builder().seed(options.seed()).size(size).build());
    }
}
