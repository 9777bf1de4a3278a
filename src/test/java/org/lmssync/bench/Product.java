package org.lmssync.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.lmssync.simulator.RequestLog;

/**
 * A product simulator as (d) audits it: the app's settings for it, which resource a request
 * belongs to, and from the simulator's truth the least requests a full sync and a no-change
 * re-run need, per scope: {@code max(1, ceil(records / page size))} for each listing, one per
 * incremental query for each watermark scope, and nothing for dates already stored. The products
 * differ only in values, their request routes and how the least is counted, so this is data:
 * each product's class (such as {@link CanvasProduct}) starts its simulator and fills one in.
 *
 * @param settings the app's settings for the simulator, from the DB and work directory, less the page size
 * @param routes   which resource each listing request belongs to, first match wins
 * @param needs    the least requests, after a full sync into the DB given (null: before any sync)
 */
record Product(String lms, int pageSize, AutoCloseable simulator, RequestLog log,
        BiFunction<Path, Path, Map<String, String>> settings, List<Route> routes, Needs needs) implements AutoCloseable {

    /**
     * A product's audit, found with {@link java.util.ServiceLoader} (this test tree's
     * {@code META-INF/services}); every simulator of the build needs one.
     */
    interface Starter {
        String lms();

        Product start();
    }

    /** Every simulator's product, in the simulators' order. */
    static List<Starter> all() {
        List<Starter> starters = new java.util.ArrayList<>();
        java.util.ServiceLoader.load(Starter.class).forEach(starters::add);
        return org.lmssync.simulator.Simulators.names().stream()
                .map(lms -> starters.stream().filter(s -> s.lms().equals(lms)).findFirst().orElseThrow(
                        () -> new IllegalStateException("the " + lms + " simulator has no request audit: add a "
                                + Starter.class.getName() + " for it to the test services")))
                .toList();
    }

    /** The least requests of one resource. */
    record Need(String resource, long requests) {
    }

    /**
     * Requests whose path matches {@code path} (a regex) and, if {@code param} is not null, that
     * carry that query parameter, list {@code resource}.
     */
    record Route(String path, String param, String resource) {
        Route(String path, String resource) {
            this(path, null, resource);
        }

        boolean matches(RequestLog.Entry e) {
            return e.path().matches(path) && (param == null || e.param(param).isPresent());
        }
    }

    /** The least requests of each resource; {@code db} is null for a full sync, else the DB after one. */
    @FunctionalInterface
    interface Needs {
        List<Need> of(Path db) throws Exception;
    }

    Map<String, String> config(Path db, Path work) {
        Map<String, String> c = new LinkedHashMap<>(settings.apply(db, work));
        c.put("lms." + lms + ".page-size", Integer.toString(pageSize));
        return c;
    }

    /** The resource a request lists, or null for requests that list nothing (tokens). */
    String resourceOf(RequestLog.Entry e) {
        return routes.stream().filter(r -> r.matches(e)).map(Route::resource).findFirst().orElse(null);
    }

    List<Need> fullSync() throws Exception {
        return needs.of(null);
    }

    /** {@code db}: the DB after the full sync, for the dates it stored. */
    List<Need> noChange(Path db) throws Exception {
        return needs.of(db);
    }

    static long pages(long records, int pageSize) {
        return Math.max(1, (records + pageSize - 1) / pageSize);
    }

    /** The by-date windows from the day after {@code stored} (or {@code start}) through {@code end}. */
    static List<LocalDate> windowStarts(LocalDate start, LocalDate stored, LocalDate end, int windowDays) {
        LocalDate from = stored == null ? start : stored.plusDays(1);
        return from.isAfter(end) ? List.of()
                : from.datesUntil(end.plusDays(1), java.time.Period.ofDays(windowDays)).toList();
    }

    @Override
    public void close() throws Exception {
        simulator.close();
    }
}
