/**
 * Schoology REST v1 simulator: two-legged OAuth 1.0a (PLAINTEXT and HMAC-SHA1), start/limit
 * paging with links.next, a token-bucket throttle and a deterministic district with change sets.
 * Entry point: {@link org.lmssync.simulator.schoology.SchoologySimulator}; the demo starts it through
 * {@link org.lmssync.simulator.schoology.SchoologySimulatorProvider}.
 */
package org.lmssync.simulator.schoology;
