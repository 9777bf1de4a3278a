/**
 * Google Classroom v1 + Admin SDK Reports (user usage) simulator with an OAuth JWT-bearer token
 * endpoint. Entry point: {@link org.lmssync.simulator.google.GoogleSimulator}.
 */
package org.lmssync.simulator.google;
