package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.ErrorRenderer;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.SimResponse;

/** Canvas's error bodies: {"errors":[{"message":…}]}, sometimes with a "status". */
final class CanvasErrors {
    static final String REALM = "Bearer realm=\"canvas-lms\"";

    private CanvasErrors() {
    }

    static SimResponse errors(int status, String statusWord, String message) {
        ObjectNode body = Json.object();
        if (statusWord != null) {
            body.put("status", statusWord);
        }
        body.putArray("errors").addObject().put("message", message);
        return SimResponse.json(status, body);
    }

    /** Bad, expired or missing token. */
    static SimResponse invalidToken() {
        return errors(401, null, "Invalid access token.").withHeader("WWW-Authenticate", REALM);
    }

    /** The token is fine but its user may not do this. */
    static SimResponse unauthorized() {
        return errors(401, "unauthorized", "user not authorized to perform that action");
    }

    /** A permission refusal answered with 403 (not a throttle: JSON, not text/plain). */
    static SimResponse forbidden() {
        return errors(403, "forbidden", "You are not authorized to access this resource.");
    }

    static SimResponse notFound() {
        return errors(404, null, "The specified resource does not exist.");
    }

    /** Canvas reports bad filter values per parameter: {"errors":{"param":"message"}}. */
    static SimResponse badParam(String param, String message) {
        ObjectNode body = Json.object();
        body.putObject("errors").put(param, message);
        return SimResponse.json(400, body);
    }

    /** Injected 5xx/429 faults in Canvas's JSON error shape. */
    static ErrorRenderer renderer() {
        return (status, message) -> errors(status, null, message);
    }
}
