package org.lmssync.simulator;

/** What an injected fault does to one request. */
public enum FaultKind {
    /** 429 with Retry-After as delta seconds. */
    TOO_MANY_REQUESTS_RETRY_AFTER_SECONDS,
    /** 429 with Retry-After as an RFC 1123 HTTP-date. */
    TOO_MANY_REQUESTS_RETRY_AFTER_DATE,
    /** 429 without Retry-After. */
    TOO_MANY_REQUESTS,
    /** 403 with a configured text/plain body (how Canvas signals throttling). */
    FORBIDDEN_TEXT,
    /** A 5xx status: 500, 502, 503 or 504. */
    SERVER_ERROR,
    /** The connection is closed before any response bytes. */
    RESET_BEFORE_HEADERS,
    /** Headers promise a length, half the body is sent, then the connection is closed. */
    RESET_MID_BODY,
    /** Waits for a delay, then answers normally. */
    STALL,
    /** A complete HTTP response whose JSON body is cut in half. */
    TRUNCATED_JSON,
    /** A record-level fault applied by the simulator's {@link RecordFaultHook}. */
    RECORD,
    /** 404 in the API's own error format: the resource is not there (a permanent fault). */
    NOT_FOUND,
    /**
     * The credentials the client holds expire just before this request is served (the simulator's
     * credential-expiry hook runs), then the request is answered normally, so it meets the API's
     * own 401. Only simulators with expiring credentials (Google's access tokens) support it.
     */
    EXPIRE_CREDENTIALS
}
