package org.lmssync.simulator.canvas;

/** An account; the root has no parent. Accounts never change. */
record AccountData(long id, String name, Long parentId, String sisAccountId, String uuid) {
    boolean isRoot() {
        return parentId == null;
    }
}
