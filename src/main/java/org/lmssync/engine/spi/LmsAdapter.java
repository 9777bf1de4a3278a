package org.lmssync.engine.spi;

import java.util.Map;
import org.apache.camel.Message;
import org.lmssync.config.Settings;

/**
 * What one LMS adds to the shared engine: its credentials, how it signs a request and how it
 * signals throttling. Implementations are found with {@link java.util.ServiceLoader}, so adding
 * an LMS is one package, one YAML file and one line in {@code META-INF/services}.
 */
public interface LmsAdapter {

    /** The name used in keys ({@code lms.<name>.*}), tables and {@code --lms}. */
    String name();

    /**
     * The connector's packaged route declarations, {@code routes/<file>} on the class path. Its
     * defaults are {@code defaults.properties} beside the adapter class.
     */
    default String routesFile() {
        return name() + ".yaml";
    }

    /** Checks this LMS's own keys; throws {@link org.lmssync.config.ConfigException} naming the key. */
    void configure(Settings settings);

    /** Adds credentials to a request about to be sent (called again for every retry). */
    void authorize(Message request, String method, String url);

    /**
     * Whether a non-2xx reply is the API saying "slow down". 429 always is; an LMS may add its
     * own signal, such as Canvas's 403 with "Rate Limit Exceeded".
     */
    default boolean isThrottle(int status, Map<String, String> headers, String body) {
        return status == 429;
    }

    /**
     * After a 401: drop cached credentials so the retry gets fresh ones. Returns false when there
     * is nothing to refresh (the 401 is then final).
     */
    default boolean refreshCredentials() {
        return false;
    }

    /** Decides, with the rate, when each request may go (Canvas: room in its bucket); one per LMS. */
    default RequestBudget.Admission admission() {
        return RequestBudget.Admission.ALWAYS;
    }

    /** Sees every successful reply's headers, e.g. to pace requests by a remaining-quota header. */
    default void onResponse(Map<String, Object> headers, RequestBudget budget) {
    }

    /** Text that must never appear in logs or error rows (tokens, secrets). */
    default java.util.List<String> secrets() {
        return java.util.List.of();
    }
}
