package org.lmssync.canvas;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Message;
import org.lmssync.config.ConfigException;
import org.lmssync.config.Settings;
import org.lmssync.engine.spi.LmsAdapter;
import org.lmssync.engine.spi.RequestBudget;

/**
 * Canvas LMS: a bearer token (never in a URL or a log), 403 "Rate Limit Exceeded" (or 429) as
 * the throttle signal, and admission by {@code X-Rate-Limit-Remaining} ({@link CanvasPacer}) so
 * that its requests in flight stay under the leaky bucket instead of meeting it.
 */
public final class CanvasAdapter implements LmsAdapter {
    static final String TOKEN = "lms.canvas.access-token";
    private static final Pattern ACCOUNT = Pattern.compile("self|\\d+|sis_account_id:[A-Za-z0-9._-]+");

    private final CanvasPacer pacer = new CanvasPacer();
    private String token;

    @Override
    public String name() {
        return "canvas";
    }

    @Override
    public void configure(Settings settings) {
        settings.url("lms.canvas.base-url");
        token = settings.require(TOKEN);
        String account = settings.require("lms.canvas.account-id");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new ConfigException("lms.canvas.account-id", "must be self or an account id, not '" + account + "'");
        }
        // a request dearer than its reserve adds the rest when it completes: the pacer keeps room for it
        pacer.inFlight(settings.integer("lms.canvas.concurrency", 1, 64));
    }

    @Override
    public void authorize(Message request, String method, String url) {
        request.setHeader("Authorization", "Bearer " + token);
    }

    @Override
    public boolean isThrottle(int status, Map<String, String> headers, String body) {
        return status == 429 || status == 403 && body.contains("Rate Limit Exceeded");
    }

    @Override
    public RequestBudget.Admission admission() {
        return pacer;
    }

    @Override
    public void onResponse(Map<String, Object> headers, RequestBudget budget) {
        pacer.replied(number(headers.get("X-Rate-Limit-Remaining")), number(headers.get("X-Request-Cost")), System.nanoTime());
    }

    @Override
    public List<String> secrets() {
        return token == null ? List.of() : List.of(token);
    }

    private static double number(Object header) {
        if (header == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(header.toString().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
