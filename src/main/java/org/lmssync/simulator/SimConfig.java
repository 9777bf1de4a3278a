package org.lmssync.simulator;

/** What every simulator's config holds that the shared {@link SimShell} reads to serve it. */
public interface SimConfig {

    /** Seeds the district and the fault dice. */
    long seed();

    /** Null means {@link SimClock#system()}. */
    SimClock clock();

    /** Server worker threads. */
    int threads();

    /** Every request's delay before it is answered. */
    Latency latency();
}
