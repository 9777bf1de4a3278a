package org.lmssync.engine;

/**
 * Thrown by an adapter when the source of its credentials (such as an OAuth token endpoint)
 * refuses the configured ones. Like a 401 that refreshing cannot cure: not retried, and the rest
 * of that LMS's run is skipped. The message must not carry secrets.
 */
public final class CredentialsRejectedException extends RuntimeException {
    public CredentialsRejectedException(String message) {
        super(message);
    }
}
