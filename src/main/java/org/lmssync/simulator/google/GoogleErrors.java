package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.ErrorRenderer;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.SimResponse;

/** Google's error envelopes: the API one ({"error":{code,message,status}}) and the OAuth one. */
final class GoogleErrors {
    private GoogleErrors() {
    }

    static SimResponse api(int code, String status, String message) {
        ObjectNode body = Json.object();
        ObjectNode err = body.putObject("error");
        err.put("code", code).put("message", message).put("status", status);
        return SimResponse.json(code, body);
    }

    /** Same envelope plus the legacy errors[] list that v1-style APIs (Reports) also send. */
    static SimResponse apiWithReason(int code, String status, String message, String domain, String reason) {
        SimResponse r = api(code, status, message);
        ObjectNode body = (ObjectNode) Json.read(r.body());
        ObjectNode e = ((ObjectNode) body.get("error")).putArray("errors").addObject();
        e.put("message", message).put("domain", domain).put("reason", reason);
        return SimResponse.json(code, body);
    }

    static SimResponse invalidArgument(String message) {
        return api(400, "INVALID_ARGUMENT", message);
    }

    static SimResponse notFound(String message) {
        return api(404, "NOT_FOUND", message);
    }

    static SimResponse unauthenticated() {
        return api(401, "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie "
                        + "or other valid authentication credential.")
                .withHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
    }

    static SimResponse insufficientScopes() {
        return api(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.")
                .withHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\"");
    }

    static SimResponse oauth(int code, String error, String description) {
        ObjectNode body = Json.object().put("error", error).put("error_description", description);
        return SimResponse.json(code, body);
    }

    static String statusName(int code) {
        return switch (code) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 502, 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "INTERNAL";
        };
    }

    /** Renders injected fault statuses in Google's envelope. */
    static ErrorRenderer renderer() {
        return (code, message) -> api(code, statusName(code), code == 429
                ? "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service "
                        + "'classroom.googleapis.com'."
                : message);
    }
}
