package org.lmssync.engine.spi;

/**
 * The LMS refused the configured credentials for good before any request could be signed (for
 * Google: the token endpoint rejected the key or its delegation). Like a 401 that a refresh cannot
 * cure, it is not retried and the rest of that LMS's run is skipped.
 */
public final class CredentialsRejectedException extends RuntimeException {
    public CredentialsRejectedException(String message) {
        super(message, null, false, false);
    }
}
