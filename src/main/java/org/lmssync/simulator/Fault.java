package org.lmssync.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One fault to inject. Build with the static factories.
 *
 * @param status      HTTP status for status faults, 0 otherwise
 * @param delay       Retry-After delta (seconds or date offset) or the stall delay
 * @param body        text body for {@link FaultKind#FORBIDDEN_TEXT}
 * @param recordFault which record-level fault for {@link FaultKind#RECORD}
 */
public record Fault(FaultKind kind, int status, Duration delay, String body, RecordFault recordFault) {

    private static final Set<Integer> SERVER_ERRORS = Set.of(500, 502, 503, 504);

    public Fault {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
    }

    public static Fault tooManyRequestsRetryAfterSeconds(long seconds) {
        return new Fault(FaultKind.TOO_MANY_REQUESTS_RETRY_AFTER_SECONDS, 429, Duration.ofSeconds(seconds), null, null);
    }

    /** Retry-After carries the server clock's now plus {@code after}, as an HTTP-date. */
    public static Fault tooManyRequestsRetryAfterDate(Duration after) {
        return new Fault(FaultKind.TOO_MANY_REQUESTS_RETRY_AFTER_DATE, 429, after, null, null);
    }

    public static Fault tooManyRequests() {
        return new Fault(FaultKind.TOO_MANY_REQUESTS, 429, Duration.ZERO, null, null);
    }

    public static Fault forbiddenText(String body) {
        return new Fault(FaultKind.FORBIDDEN_TEXT, 403, Duration.ZERO, Objects.requireNonNull(body), null);
    }

    public static Fault serverError(int status) {
        if (!SERVER_ERRORS.contains(status)) {
            throw new IllegalArgumentException("server error status must be 500, 502, 503 or 504: " + status);
        }
        return new Fault(FaultKind.SERVER_ERROR, status, Duration.ZERO, null, null);
    }

    public static Fault resetBeforeHeaders() {
        return new Fault(FaultKind.RESET_BEFORE_HEADERS, 0, Duration.ZERO, null, null);
    }

    public static Fault resetMidBody() {
        return new Fault(FaultKind.RESET_MID_BODY, 0, Duration.ZERO, null, null);
    }

    public static Fault stall(Duration delay) {
        return new Fault(FaultKind.STALL, 0, delay, null, null);
    }

    public static Fault truncatedJson() {
        return new Fault(FaultKind.TRUNCATED_JSON, 0, Duration.ZERO, null, null);
    }

    public static Fault record(RecordFault which) {
        return new Fault(FaultKind.RECORD, 0, Duration.ZERO, null, Objects.requireNonNull(which));
    }

    /** 404 Not Found, rendered in the simulated API's error format. */
    public static Fault notFound() {
        return new Fault(FaultKind.NOT_FOUND, 404, Duration.ZERO, null, null);
    }

    /** Expires the client's credentials (e.g. Google access tokens) right before this request. */
    public static Fault expireCredentials() {
        return new Fault(FaultKind.EXPIRE_CREDENTIALS, 0, Duration.ZERO, null, null);
    }

    /** Short label used in the request log. */
    public String label() {
        return switch (kind) {
            case SERVER_ERROR -> kind + "_" + status;
            case RECORD -> kind + "_" + recordFault;
            default -> kind.name();
        };
    }
}
