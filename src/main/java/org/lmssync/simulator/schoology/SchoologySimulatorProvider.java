package org.lmssync.simulator.schoology;

import org.lmssync.simulator.SimOptions;
import org.lmssync.simulator.SimulatorProvider;

/**
 * The demo's Schoology districts (small about 2,000 records, medium about 55,000) behind the
 * default token bucket of 50 requests per 5 s. The school year starts on the options' day, so
 * attendance falls in the dates lms-sync is told to sync.
 */
public final class SchoologySimulatorProvider implements SimulatorProvider {
    private static final SchoologyDistrictSize DEMO_SMALL = new SchoologyDistrictSize(200, 10, 5, 5, 2, 25, 6, 20, 4, 20);

    @Override
    public String lms() {
        return "schoology";
    }

    @Override
    public SchoologySimulator start(SimOptions options) {
        SchoologyDistrictSize size = options.pick(DEMO_SMALL, SchoologyDistrictSize.medium());
        return SchoologySimulator.start(SchoologySimConfig.builder().seed(options.seed()).size(size)
                .schoolYearStart(options.schoolYearStart()).build());
    }
}
