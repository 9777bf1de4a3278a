package org.lmssync.simulator.schoology;

/** Mutable user state; only touched under the district lock. */
final class UserData {
    final long uid;
    final String schoolUid;
    final int roleId;
    String nameFirst;
    String nameLast;
    String username;
    String email;
    String gradYear = "";
    boolean active = true;
    long inactiveTimestamp;
    long modifiedByUid;

    UserData(long uid, String schoolUid, int roleId, String nameFirst, String nameLast) {
        this.uid = uid;
        this.schoolUid = schoolUid;
        this.roleId = roleId;
        this.nameFirst = nameFirst;
        this.nameLast = nameLast;
    }

    String nameDisplay() {
        return nameFirst + " " + nameLast;
    }
}
