package org.lmssync.simulator.canvas;

import org.lmssync.simulator.Latency;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * What stands in front of every Canvas endpoint, in Canvas's order: the request throttle (outermost,
 * keyed by the presented token), then token authentication, then permission refusals set by tests.
 * Every response that was not throttled carries X-Request-Cost and X-Rate-Limit-Remaining. The
 * configured latency is spent here, inside the throttle ticket (a throttled reply comes at once, as
 * Canvas refuses before doing the work; the server's injected faults come without it).
 */
final class CanvasGate {
    private final Throttle throttle;
    private final Latency latency;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<Map.Entry<String, Denial>> denials = new CopyOnWriteArrayList<>();

    CanvasGate(Throttle throttle, String token, Latency latency) {
        this.throttle = throttle;
        this.latency = latency;
        this.tokens.add(token);
    }

    Set<String> tokens() {
        return tokens;
    }

    void deny(String pathPrefix, Denial d) {
        denials.add(Map.entry(pathPrefix, d));
    }

    void clearDenials() {
        denials.clear();
    }

    /** Throttle key: the token (header or access_token parameter) if any, else the caller's address. */
    static String clientId(SimRequest req) {
        return token(req).map(t -> "token:" + t).orElse("ip:127.0.0.1");
    }

    static Optional<String> token(SimRequest req) {
        Optional<String> header = req.header("authorization")
                .filter(h -> h.toLowerCase(Locale.ROOT).startsWith("bearer "))
                .map(h -> h.substring(7).trim());
        return header.isPresent() ? header : req.param("access_token").filter(t -> !t.isEmpty());
    }

    SimResponse handle(SimRequest req, Function<SimRequest, Answer> endpoint) {
        Throttle.Ticket ticket = throttle.begin(clientId(req));
        ThrottleSettings s = ticket.settings();
        if (ticket.refused) {
            ticket.complete(0);
            return new SimResponse(s.throttledStatus(), Map.of(
                    "Content-Type", List.of("text/plain; charset=utf-8"),
                    "X-Rate-Limit-Remaining", List.of("0.0")), s.body().getBytes(StandardCharsets.UTF_8));
        }
        Answer answer = null;
        try {
            answer = admit(req).map(Answer::of).orElseGet(() -> endpoint.apply(req));
            // the API's latency is the server's time on the request: its up-front reserve stays in the
            // bucket all that while, so a client's requests in flight count against the high-water mark
            sleep(latency.next().plus(s.latency(answer.records())));
        } finally {
            double cost = s.cost(answer == null ? 0 : answer.records());
            double remaining = ticket.complete(cost);
            if (answer != null) {
                answer = new Answer(answer.response()
                        .withHeader("X-Request-Cost", number(cost))
                        .withHeader("X-Rate-Limit-Remaining", number(remaining)), answer.records());
            }
        }
        return answer.response();
    }

    /** The refusal to answer with, if the request may not proceed. */
    private Optional<SimResponse> admit(SimRequest req) {
        Optional<String> token = token(req);
        if (token.isEmpty() || !tokens.contains(token.get())) {
            return Optional.of(CanvasErrors.invalidToken());
        }
        for (Map.Entry<String, Denial> d : denials) {
            if (req.path().startsWith(d.getKey())) {
                return Optional.of(d.getValue() == Denial.UNAUTHORIZED ? CanvasErrors.unauthorized()
                        : CanvasErrors.forbidden());
            }
        }
        return Optional.empty();
    }

    /** Ruby's Float#to_s for the values we produce: always a decimal point, no exponent. */
    static String number(double v) {
        double rounded = Math.round(v * 1e6) / 1e6;
        return java.math.BigDecimal.valueOf(rounded).stripTrailingZeros().scale() <= 0
                ? java.math.BigDecimal.valueOf(rounded).setScale(1).toPlainString()
                : java.math.BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
