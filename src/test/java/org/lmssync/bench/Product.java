package org.lmssync.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.RequestLog;

/**
 * A product simulator as (d) audits it: the app's settings for it, which resource a request
 * belongs to, and from the simulator's truth the least requests a full sync and a no-change
 * re-run need, per scope: {@code max(1, ceil(records / page size))} for each listing, one per
 * incremental query for each watermark scope, and nothing for dates already stored.
 */
interface Product extends AutoCloseable {

    /** The least requests of one resource. */
    record Need(String resource, long requests) {
    }

    String lms();

    Map<String, String> config(Path db, Path work);

    RequestLog log();

    /** The resource a request lists, or null for requests that list nothing (tokens). */
    String resourceOf(RequestLog.Entry e);

    List<Need> fullSync() throws Exception;

    /** {@code db}: the DB after the full sync, for the dates it stored. */
    List<Need> noChange(Path db) throws Exception;

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
    void close();
}
