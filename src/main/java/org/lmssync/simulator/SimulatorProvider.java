package org.lmssync.simulator;

/**
 * What a simulator package offers to code that does not name it. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.lmssync.simulator.SimulatorProvider}),
 * so a new simulator is one package and one line there; see {@link Simulators}.
 */
public interface SimulatorProvider {

    /** The LMS name, as {@link LmsSimulator#lms()}. */
    String lms();

    /**
     * Starts the district {@code demo} syncs, of {@link SimOptions#size()} {@code small} or
     * {@code medium}, on loopback, with the LMS's own throttle as the demo has it.
     *
     * @throws IllegalArgumentException for another size
     */
    LmsSimulator start(SimOptions options);
}
