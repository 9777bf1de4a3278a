package org.lmssync.simulator.google;

/** A domain user; {@code index} keys all per-user deterministic values. */
record SimUser(int index, String id, String givenName, String familyName, String email, boolean teacher) {

    String fullName() {
        return givenName + " " + familyName;
    }
}
