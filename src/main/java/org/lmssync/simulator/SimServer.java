package org.lmssync.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small HTTP server for simulators: loopback only, prefix routing, request logging and
 * fault injection in front of the handlers.
 */
public final class SimServer implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each reply can wait
        // for the client's delayed ACK (about 40 ms on Linux loopback). Read when its first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes;
    private final RequestLog log;
    private final Faults faults;
    private final SimClock clock;
    private final ErrorRenderer errors;
    private final RecordFaultHook recordFaults;
    private final Set<String> capturedHeaders;
    private final Runnable credentialExpiry;
    private final Latency latency;

    private record Route(String prefix, SimHandler handler) {
    }

    /** Thrown inside the exchange so the JDK server drops the connection without a response. */
    private static final class DropConnection extends RuntimeException {
        DropConnection() {
            super("simulated connection reset", null, false, false);
        }
    }

    private SimServer(Builder b) throws IOException {
        this.routes = b.routes.stream()
                .sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed())
                .toList();
        this.log = b.log;
        this.faults = b.faults;
        this.clock = b.clock;
        this.errors = b.errors;
        this.recordFaults = b.recordFaults;
        this.capturedHeaders = b.capturedHeaders;
        this.credentialExpiry = b.credentialExpiry;
        this.latency = b.latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), b.port), 64);
        this.executor = Executors.newFixedThreadPool(b.threads, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String baseUrl() {
        return "http://" + LOOPBACK + ":" + server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public RequestLog requestLog() {
        return log;
    }

    public Faults faults() {
        return faults;
    }

    public SimClock clock() {
        return clock;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange ex) throws IOException {
        Instant received = clock.instant();
        SimRequest req = toRequest(ex, received);
        Optional<Fault> fault = faults.select(req);
        int[] status = {RequestLog.NO_STATUS};
        boolean[] logged = {false};
        // Logged before the body is written, so a client that has its reply finds it in the log.
        Runnable logIt = () -> {
            if (!logged[0]) {
                logged[0] = true;
                log.add(new RequestLog.Entry(req.method(), req.path(), req.rawQuery(), req.params(),
                        captured(req), req.header("authorization").isPresent(), received, status[0],
                        fault.map(Fault::label).orElse(null)));
            }
        };
        BEFORE_BODY.set(logIt);
        try {
            delay();
            if (fault.isPresent()) {
                applyFault(ex, req, fault.get(), status);
            } else {
                send(ex, route(req), status);
            }
        } finally {
            BEFORE_BODY.remove();
            logIt.run();
        }
    }

    /**
     * The configured latency, spent on this worker thread before the request is answered (faults
     * included): each request in its delay holds one of the {@code threads} workers, so the pool
     * must exceed the client's requests in flight for them to overlap rather than queue.
     */
    private void delay() {
        if (!latency.isNone()) {
            Duration d = latency.next();
            sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    }

    /** The request log step of the exchange in progress on this thread. */
    private static final ThreadLocal<Runnable> BEFORE_BODY = new ThreadLocal<>();

    private void applyFault(HttpExchange ex, SimRequest req, Fault f, int[] status) throws IOException {
        switch (f.kind()) {
            case TOO_MANY_REQUESTS_RETRY_AFTER_SECONDS -> send(ex,
                    errors.render(429, "Too Many Requests")
                            .withHeader("Retry-After", Long.toString(f.delay().toSeconds())), status);
            case TOO_MANY_REQUESTS_RETRY_AFTER_DATE -> send(ex,
                    errors.render(429, "Too Many Requests")
                            .withHeader("Retry-After", Timestamps.httpDate(clock.instant().plus(f.delay()))), status);
            case TOO_MANY_REQUESTS -> send(ex, errors.render(429, "Too Many Requests"), status);
            case FORBIDDEN_TEXT -> send(ex, SimResponse.text(403, f.body()), status);
            case SERVER_ERROR -> send(ex, errors.render(f.status(), reason(f.status())), status);
            case RESET_BEFORE_HEADERS -> throw new DropConnection();
            case RESET_MID_BODY -> {
                SimResponse normal = route(req);
                byte[] body = normal.body().length > 1 ? normal.body() : "{\"padding\":true}".getBytes();
                copyHeaders(ex, normal);
                ex.sendResponseHeaders(normal.status(), body.length);
                status[0] = normal.status();
                OutputStream os = ex.getResponseBody();
                os.write(body, 0, body.length / 2);
                os.flush();
                throw new DropConnection();
            }
            case STALL -> {
                sleep(f.delay().toMillis(), 0);
                send(ex, route(req), status);
            }
            case TRUNCATED_JSON -> {
                SimResponse normal = route(req);
                byte[] body = normal.body();
                send(ex, normal.withBody(Arrays.copyOf(body, body.length / 2)), status);
            }
            case RECORD -> send(ex, recordFaults.apply(f.recordFault(), req, route(req)), status);
            case NOT_FOUND -> send(ex, errors.render(404, "Not Found"), status);
            case EXPIRE_CREDENTIALS -> {
                if (credentialExpiry == null) {
                    // A misuse by the test, answered loudly rather than faked as a success.
                    send(ex, SimResponse.text(500, "simulator misuse: no expiring credentials here"), status);
                } else {
                    credentialExpiry.run();
                    send(ex, route(req), status);
                }
            }
            default -> throw new IllegalStateException("unhandled fault " + f);
        }
    }

    private SimResponse route(SimRequest req) {
        for (Route r : routes) {
            if (req.path().startsWith(r.prefix())) {
                try {
                    return r.handler().handle(req);
                } catch (Exception e) {
                    return errors.render(500, "Internal Server Error: " + e);
                }
            }
        }
        return errors.render(404, "Not Found");
    }

    private void send(HttpExchange ex, SimResponse resp, int[] status) throws IOException {
        copyHeaders(ex, resp);
        byte[] body = resp.body();
        boolean noBody = body.length == 0 || resp.status() == 204 || resp.status() == 304
                || "HEAD".equals(ex.getRequestMethod());
        status[0] = resp.status();
        Runnable logIt = BEFORE_BODY.get();
        if (logIt != null) {
            logIt.run();
        }
        ex.sendResponseHeaders(resp.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
        ex.close();
    }

    private static void copyHeaders(HttpExchange ex, SimResponse resp) {
        resp.headers().forEach((k, v) -> ex.getResponseHeaders().put(k, new ArrayList<>(v)));
    }

    private SimRequest toRequest(HttpExchange ex, Instant received) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        String rawQuery = ex.getRequestURI().getRawQuery();
        return new SimRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(), rawQuery,
                QueryString.parse(rawQuery), Map.copyOf(headers), body, received);
    }

    private Map<String, String> captured(SimRequest req) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : capturedHeaders) {
            req.header(h).ifPresent(v -> out.put(h, v));
        }
        return out;
    }

    private static void sleep(long millis, int nanos) {
        try {
            Thread.sleep(millis, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while stalling"));
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sim-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Configures and starts a {@link SimServer}. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private int port;
        private int threads = 8;
        private SimClock clock = SimClock.system();
        private RequestLog log = new RequestLog();
        private Faults faults = new Faults(1L);
        private ErrorRenderer errors = ErrorRenderer.plainText();
        private RecordFaultHook recordFaults = RecordFaultHook.none();
        private Set<String> capturedHeaders = Set.of("authorization", "user-agent", "accept", "content-type");
        private Runnable credentialExpiry;
        private Latency latency = Latency.NONE;

        private Builder() {
        }

        /** 0 (the default) picks a free ephemeral port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
            this.threads = threads;
            return this;
        }

        public Builder clock(SimClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder requestLog(RequestLog log) {
            this.log = log;
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = faults;
            return this;
        }

        public Builder errorRenderer(ErrorRenderer errors) {
            this.errors = errors;
            return this;
        }

        public Builder recordFaultHook(RecordFaultHook hook) {
            this.recordFaults = hook;
            return this;
        }

        /** Header names (case-insensitive) whose first value the request log keeps. */
        public Builder captureHeaders(String... names) {
            this.capturedHeaders = Arrays.stream(names)
                    .map(n -> n.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            return this;
        }

        /** What {@link FaultKind#EXPIRE_CREDENTIALS} does: make the credentials clients hold expire. */
        public Builder credentialExpiry(Runnable expire) {
            this.credentialExpiry = expire;
            return this;
        }

        /**
         * Every request is answered after {@code fixed} plus up to {@code jitter} (uniform); see
         * {@link Latency}. Each delayed request holds a worker thread, so set {@link #threads} above
         * the requests a client keeps in flight.
         */
        public Builder latency(Duration fixed, Duration jitter) {
            return latency(Latency.of(fixed, jitter));
        }

        public Builder latency(Latency latency) {
            this.latency = latency == null ? Latency.NONE : latency;
            return this;
        }

        /** Requests whose path starts with {@code prefix} go to {@code handler}; longest prefix wins. */
        public Builder route(String prefix, SimHandler handler) {
            routes.add(new Route(prefix, handler));
            return this;
        }

        public SimServer start() {
            try {
                return new SimServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start simulator on " + LOOPBACK, e);
            }
        }
    }
}
