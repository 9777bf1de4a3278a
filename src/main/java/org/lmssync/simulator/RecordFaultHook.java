package org.lmssync.simulator;

/**
 * Applies a {@link RecordFault} to a normal response. Returns the response unchanged when the
 * fault does not fit (for example a non-list response).
 */
@FunctionalInterface
public interface RecordFaultHook {
    SimResponse apply(RecordFault fault, SimRequest request, SimResponse normal);

    static RecordFaultHook none() {
        return (fault, request, normal) -> normal;
    }
}
