package org.lmssync.simulator.canvas;

/** A permission refusal a test can attach to a path prefix. */
public enum Denial {
    /** 401 {"status":"unauthorized","errors":[{"message":"user not authorized to perform that action"}]}. */
    UNAUTHORIZED,
    /** 403 with a JSON body: a permission error, distinguishable from the text/plain throttle 403. */
    FORBIDDEN
}
