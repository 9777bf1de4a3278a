package org.lmssync.simulator.canvas;

import org.lmssync.simulator.SimOptions;
import org.lmssync.simulator.SimulatorProvider;

/** The demo's Canvas districts (small about 1,500 records, medium about 60,000), leaky-bucket throttle on. */
public final class CanvasSimulatorProvider implements SimulatorProvider {

    @Override
    public String lms() {
        return "canvas";
    }

    @Override
    public CanvasSimulator start(SimOptions options) {
        CanvasDistrictSize size = options.pick(CanvasDistrictSize.small(), CanvasDistrictSize.medium());
        // The demo's token lacks Canvas's "Users - view login IDs": users come without login_id, as real
        // Canvas sends them to such a token (the key is left out, not null).
        return CanvasSimulator.start(CanvasSimConfig.builder().seed(options.seed()).size(size).viewLoginIds(false).build());
    }
}
