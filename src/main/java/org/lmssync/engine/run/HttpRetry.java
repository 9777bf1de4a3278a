package org.lmssync.engine.run;

import org.lmssync.engine.run.Counters.Counter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import javax.net.ssl.SSLException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.lmssync.config.EngineConfig;
import org.lmssync.engine.http.MalformedPageException;
import org.lmssync.engine.http.Redactor;
import org.lmssync.engine.http.Urls;
import org.lmssync.engine.spi.CredentialsRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The redelivery decision of the shared error handler. As {@code onExceptionOccurred} it looks at
 * the failure, decides whether to retry and how long to wait (Retry-After in seconds or as an
 * HTTP-date, else exponential backoff with full jitter, capped), counts it and waits, ending the
 * wait early on a stop request (Camel's own redelivery delay is not cut short by a SIGTERM that
 * has not yet stopped the context); as {@code retryWhile} it returns that decision.
 */
public final class HttpRetry implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRetry.class);
    public static final String DECISION = "lmsRetryDecision";

    /**
     * What to do about one failure. A failure that is not retried fails the listing's scope, or
     * the whole resource when it is about the client rather than the scope ({@code endsResource}:
     * a throttle asking for a longer wait than allowed), or the LMS's run ({@code credentialsRejected}).
     */
    public record Decision(boolean retry, long delayMs, boolean throttled, String reason, boolean credentialsRejected,
                           boolean endsResource) {
        Decision(boolean retry, long delayMs, boolean throttled, String reason) {
            this(retry, delayMs, throttled, reason, false, false);
        }

        Decision(boolean retry, long delayMs, boolean throttled, String reason, boolean credentialsRejected) {
            this(retry, delayMs, throttled, reason, credentialsRejected, false);
        }
    }

    private final EngineConfig config;
    private final Random random;
    private final Redactor redactor;

    public HttpRetry(EngineConfig config, Random random, Redactor redactor) {
        this.config = config;
        this.random = random;
        this.redactor = redactor;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ResourceRun run = exchange.getProperty(ResourceSync.RUN, ResourceRun.class);
        Listing listing = exchange.getProperty(ResourceSync.LISTING, Listing.class);
        Decision d = decide(run, listing, failure);
        exchange.setProperty(DECISION, d);
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, 0L);
        if (d.retry()) {
            Counters n = run.counters();
            n.inc(Counter.RETRIES);
            n.add(Counter.RETRY_WAIT_MS, d.delayMs());
            if (d.throttled()) {
                n.add(Counter.THROTTLE_WAIT_MS, d.delayMs());
                // every in-flight listing of this LMS waits too: its next request queues behind the pause
                run.lms().budget().pauseFor(d.delayMs());
            }
            LOG.warn("{}{}: {}; retry {} of {} in {} ms", run.definition().key(), listing.scope().describe(),
                    redactor.redact(d.reason()), listing.failures(), config.maxAttempts() - 1, d.delayMs());
            run.lmsRun().stop().await(d.delayMs());
        }
    }

    /** The {@code retryWhile} predicate. */
    public boolean shouldRetry(Exchange exchange) {
        Decision d = exchange.getProperty(DECISION, Decision.class);
        ResourceRun run = exchange.getProperty(ResourceSync.RUN, ResourceRun.class);
        return d != null && d.retry() && (run == null || !run.lmsRun().stop().isStopping());
    }

    Decision decide(ResourceRun run, Listing listing, Throwable failure) {
        if (run == null || listing == null || listing.currentUrl() == null || failure == null) {
            return new Decision(false, 0, false, describe(failure));
        }
        HttpOperationFailedException http = find(failure, HttpOperationFailedException.class);
        boolean throttled = false;
        String reason;
        Long retryAfter = null;
        if (http != null) {
            int status = http.getStatusCode();
            Map<String, String> headers = http.getResponseHeaders();
            throttled = status == 429 || run.lms().adapter().isThrottle(status, headers == null ? Map.of() : headers,
                    http.getResponseBody() == null ? "" : http.getResponseBody());
            reason = "HTTP " + status + " from GET " + Urls.withoutQuery(http.getUri());
            if (throttled) {
                run.counters().inc(Counter.THROTTLED);
                retryAfter = retryAfterMillis(header(headers, "Retry-After"), Instant.now());
                reason += " (throttled" + (retryAfter == null ? "" : ", Retry-After " + header(headers, "Retry-After")) + ")";
            } else if (status == 401) {
                listing.failed();
                if (listing.tryRefreshAuth() && run.lms().adapter().refreshCredentials()) {
                    return new Decision(true, 0, false, reason + ": credentials refreshed");
                }
                return new Decision(false, 0, false, reason + ": the " + run.definition().lms()
                        + " credentials were rejected; check the lms." + run.definition().lms() + ".* keys", true);
            } else if (listing.resumed() && (status == 400 || status == 404 || status == 410)) {
                LOG.warn("{}{}: the API rejected the stored resume point ({}); restarting the listing from its first page",
                        run.definition().key(), listing.scope().describe(), reason);
                listing.failed();
                listing.restart(run.lmsRun().runId());
                return new Decision(true, 0, false, reason + ": resume point rejected, restarting the listing");
            } else if (status != 500 && status != 502 && status != 503 && status != 504) {
                return new Decision(false, 0, false, reason + bodyHint(http));
            }
        } else if (find(failure, CredentialsRejectedException.class) != null) {
            listing.failed();
            return new Decision(false, 0, false, find(failure, CredentialsRejectedException.class).getMessage() + ": the "
                    + run.definition().lms() + " credentials were rejected; check the lms." + run.definition().lms() + ".* keys", true);
        } else if (find(failure, SSLException.class) != null) {
            return new Decision(false, 0, false, "TLS failure: " + describe(failure));
        } else if (find(failure, MalformedPageException.class) != null) {
            MalformedPageException m = find(failure, MalformedPageException.class);
            if (!m.isTransient()) {
                return new Decision(false, 0, false, m.getMessage());
            }
            reason = m.getMessage();
        } else if (find(failure, IOException.class) != null) {
            reason = "connection failed: " + describe(find(failure, IOException.class));
        } else {
            return new Decision(false, 0, false, describe(failure));
        }
        int failures = listing.failed();
        if (failures >= config.maxAttempts()) {
            return new Decision(false, 0, throttled, reason + "; gave up after " + failures
                    + " attempts (lms.http.max-attempts)");
        }
        long maxWait = config.maxWaitSeconds() * 1000L;
        if (retryAfter != null && retryAfter > maxWait) {
            return new Decision(false, 0, throttled, reason + "; the server asks for a wait longer than lms.http.max-wait-seconds="
                    + config.maxWaitSeconds() + ", so this resource stops here and resumes next run", false, true);
        }
        long delay = retryAfter != null ? retryAfter : backoff(failures, config.backoffBaseMillis(), maxWait, random);
        return new Decision(true, delay, throttled, reason);
    }

    /** Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]. */
    public static long backoff(int attempt, long baseMillis, long capMillis, Random random) {
        long ceiling = baseMillis << Math.min(Math.max(attempt - 1, 0), 30);
        ceiling = Math.min(capMillis, ceiling < 0 ? capMillis : ceiling);
        return (long) (random.nextDouble() * (ceiling + 1));
    }

    /** Retry-After as delta-seconds or an HTTP-date (RFC 9110); null when absent or unreadable. */
    public static Long retryAfterMillis(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Math.max(0, Long.parseLong(v)) * 1000L;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(now, at).toMillis());
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    /** Response headers keep the server's casing; HTTP says names are case-insensitive. */
    static String header(Map<String, String> headers, String name) {
        if (headers != null) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (name.equalsIgnoreCase(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private static String bodyHint(HttpOperationFailedException http) {
        String body = http.getResponseBody();
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return ": " + RunLog.quoted(flat);
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "unknown failure";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
