package org.lmssync.simulator.canvas;

import java.time.Instant;

/**
 * Mutable user state.
 *
 * @see District#generatedUsers users with an ordinal below it carry generated auth events
 */
final class UserData {
    final long id;
    final int ordinal;
    final Instant createdAt;
    final String sisUserId;
    final String integrationId;
    String givenName;
    String familyName;
    String loginId;
    boolean deleted;

    UserData(long id, int ordinal, Instant createdAt, String sisUserId, String integrationId) {
        this.id = id;
        this.ordinal = ordinal;
        this.createdAt = createdAt;
        this.sisUserId = sisUserId;
        this.integrationId = integrationId;
    }

    String name() {
        return givenName + " " + familyName;
    }

    String sortableName() {
        return familyName + ", " + givenName;
    }

    long pseudonymId() {
        return id + 500_000L;
    }
}
