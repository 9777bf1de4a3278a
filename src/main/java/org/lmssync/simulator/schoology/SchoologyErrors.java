package org.lmssync.simulator.schoology;

import org.lmssync.simulator.ErrorRenderer;
import org.lmssync.simulator.SimResponse;

import java.time.Duration;

/** Error replies. Schoology's error bodies are not documented, so they are short plain text. */
final class SchoologyErrors {
    private SchoologyErrors() {
    }

    static SimResponse unauthorized(String message) {
        return SimResponse.text(401, message).withHeader("WWW-Authenticate", "OAuth realm=\"Schoology API\"");
    }

    static SimResponse notFound() {
        return SimResponse.text(404, "404 Not Found");
    }

    static SimResponse badRequest(String message) {
        return SimResponse.text(400, message);
    }

    static SimResponse methodNotAllowed() {
        return SimResponse.text(405, "The simulator serves GET only.");
    }

    /** A 429 from the bucket; Retry-After in whole seconds, rounded up, when enabled. */
    static SimResponse throttled(Duration wait, boolean retryAfter, String body) {
        SimResponse r = body.isEmpty() ? SimResponse.empty(429) : SimResponse.text(429, body);
        if (retryAfter) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            r = r.withHeader("Retry-After", Long.toString(seconds));
        }
        return r;
    }

    /** Injected fault statuses as plain text. */
    static ErrorRenderer renderer() {
        return ErrorRenderer.plainText();
    }
}
