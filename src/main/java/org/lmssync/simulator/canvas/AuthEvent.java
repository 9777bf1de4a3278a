package org.lmssync.simulator.canvas;

import java.time.Instant;

/** One authentication audit event. */
record AuthEvent(String id, Instant createdAt, String eventType, long userId, long pseudonymId, long accountId) {
}
