package org.lmssync;

import java.util.concurrent.TimeUnit;
import org.apache.camel.component.http.HttpComponent;

/** lms-sync's own camel-http component ({@value LmsSync#HTTP_COMPONENT}): the host's {@code http} keeps its settings. */
final class LmsHttpComponent {
    /** The largest reply read straight into memory (pages are parsed whole in any case). */
    static final int MAX_BUFFERED_REPLY_BYTES = 64 * 1024 * 1024;

    private LmsHttpComponent() {
    }

    static HttpComponent create(int timeoutSeconds) {
        HttpComponent http = new HttpComponent();
        // Camel's redelivery owns retries; the client's own retry would hide 429s and wait uncapped.
        http.setAutomaticRetriesDisabled(true);
        long timeout = TimeUnit.SECONDS.toMillis(timeoutSeconds);
        http.setConnectTimeout(timeout);
        http.setConnectionRequestTimeout(timeout);
        http.setResponseTimeout(timeout);
        http.setSoTimeout(timeout);
        http.setCookieManagementDisabled(true);
        // A reply that says its length (up to this size) is read into one byte array, which the
        // page reader parses as it is; above it, or without a length, Camel caches the stream first
        // (one more copy of every page, and a stream cache per exchange).
        http.setResponsePayloadStreamingThreshold(MAX_BUFFERED_REPLY_BYTES);
        return http;
    }
}
