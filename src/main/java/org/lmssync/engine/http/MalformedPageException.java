package org.lmssync.engine.http;

/** A reply whose body is not the JSON page it should be. Truncated bodies are worth a retry. */
public final class MalformedPageException extends RuntimeException {
    private final boolean transientFault;

    public MalformedPageException(String message, boolean transientFault, Throwable cause) {
        super(message, cause);
        this.transientFault = transientFault;
    }

    public boolean isTransient() {
        return transientFault;
    }
}
