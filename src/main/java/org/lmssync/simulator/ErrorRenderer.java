package org.lmssync.simulator;

/**
 * Builds the body for an injected error status, so each simulator can answer faults in its
 * API's own error format (for example Google's JSON error envelope).
 */
@FunctionalInterface
public interface ErrorRenderer {
    SimResponse render(int status, String message);

    /** Plain-text bodies such as "503 Service Unavailable". */
    static ErrorRenderer plainText() {
        return (status, message) -> SimResponse.text(status, status + " " + message);
    }
}
