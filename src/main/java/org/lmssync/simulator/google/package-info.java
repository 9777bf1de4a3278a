/**
 * Google Classroom v1 + Admin SDK Reports (user usage) simulator with an OAuth JWT-bearer token
 * endpoint. Entry point: {@link org.lmssync.simulator.google.GoogleSimulator}; the demo starts it through
 * {@link org.lmssync.simulator.google.GoogleSimulatorProvider}.
 */
package org.lmssync.simulator.google;
