/**
 * Canvas LMS REST API simulator: Link-header pagination (numeric and bookmark), the per-token
 * leaky-bucket throttle, bearer-token auth, a deterministic district and change sets. Entry
 * point: {@link org.lmssync.simulator.canvas.CanvasSimulator}; the demo starts it through
 * {@link org.lmssync.simulator.canvas.CanvasSimulatorProvider}.
 */
package org.lmssync.simulator.canvas;
