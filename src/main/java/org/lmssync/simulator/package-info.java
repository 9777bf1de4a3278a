/**
 * Shared pieces for local LMS API simulators: {@link org.lmssync.simulator.LmsSimulator}, what
 * demo, tests and benchmark use without naming an LMS, found through each package's
 * {@link org.lmssync.simulator.SimulatorProvider}; the shell every simulator is built on
 * ({@link org.lmssync.simulator.SimShell}); a loopback-only HTTP server with prefix routing
 * ({@link org.lmssync.simulator.SimServer}), a request log, fault injection that runs before the
 * handlers ({@link org.lmssync.simulator.Faults}), a movable clock, deterministic data helpers and
 * JSON utilities. Nothing here depends on the product code.
 */
package org.lmssync.simulator;
