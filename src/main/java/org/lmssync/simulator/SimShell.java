package org.lmssync.simulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shell every simulator shares: its config and clock, the loopback {@link SimServer} (worker
 * threads, latency and seeded faults from the config; the LMS's error shape, record faults and
 * routes from the subclass), the base URL its handlers read once the port is known, the request
 * log and faults, change sets under the district's write lock, and close.
 *
 * <p>A subclass builds its district and handlers in its constructor, reading {@link #baseUrlLater()}
 * where a handler needs the address, then calls {@link #serve(Consumer)} once.
 *
 * @param <C> the simulator's config
 * @param <X> its change-set API
 */
public abstract class SimShell<C extends SimConfig, X> implements LmsSimulator {
    private final String lms;
    private final C config;
    private final SimClock clock;
    // written once by serve(), read by handler threads
    private volatile SimServer server;

    protected SimShell(String lms, C config) {
        this.lms = lms;
        this.config = config;
        this.clock = config.clock() != null ? config.clock() : SimClock.system();
    }

    /** Starts the server; {@code wiring} adds the LMS's error renderer, record-fault hook and routes. */
    protected final void serve(Consumer<SimServer.Builder> wiring) {
        if (server != null) {
            throw new IllegalStateException(lms + " simulator is already serving");
        }
        SimServer.Builder b = SimServer.builder()
                .clock(clock)
                .threads(config.threads())
                .latency(config.latency())
                .faults(new Faults(config.seed()));
        wiring.accept(b);
        server = b.start();
    }

    /** The base URL for handlers built before the server runs (links, token URIs carry the port). */
    protected final Supplier<String> baseUrlLater() {
        return this::baseUrl;
    }

    /** {@code configured}, or when null the clock's date at start (UTC). */
    protected final LocalDate todayOr(LocalDate configured) {
        return configured != null ? configured : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Runs {@code action} under the district's write lock. */
    protected abstract <T> T write(Supplier<T> action);

    /** The change-set API; use it inside {@link #applyChanges}. */
    public abstract X changes();

    /** Runs {@code batch} atomically: API readers see all of it or none of it. */
    public final void applyChanges(Consumer<X> batch) {
        write(() -> {
            batch.accept(changes());
            return null;
        });
    }

    /** Like {@link #applyChanges(Consumer)} but returns a value, e.g. new ids. */
    public final <T> T applyChangesAndGet(Function<X, T> batch) {
        return write(() -> batch.apply(changes()));
    }

    @Override
    public final String lms() {
        return lms;
    }

    @Override
    public final String baseUrl() {
        return server().baseUrl();
    }

    @Override
    public final SimServer server() {
        SimServer s = server;
        if (s == null) {
            throw new IllegalStateException(lms + " simulator is not serving yet");
        }
        return s;
    }

    @Override
    public final RequestLog requestLog() {
        return server().requestLog();
    }

    @Override
    public final Faults faults() {
        return server().faults();
    }

    public final SimClock clock() {
        return clock;
    }

    public final C config() {
        return config;
    }

    @Override
    public void close() {
        SimServer s = server;
        if (s != null) {
            s.close();
        }
    }
}
