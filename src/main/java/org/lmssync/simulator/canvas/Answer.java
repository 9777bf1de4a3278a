package org.lmssync.simulator.canvas;

import org.lmssync.simulator.SimResponse;

/** An endpoint's response plus how many records it carries, which drives the simulated cost. */
record Answer(SimResponse response, int records) {
    static Answer of(SimResponse r) {
        return new Answer(r, 0);
    }
}
