package org.lmssync.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Thread-safe record of every request a {@link SimServer} answered (or dropped). */
public final class RequestLog {
    /** Status logged when the connection was dropped before a status line was sent. */
    public static final int NO_STATUS = -1;

    private final List<Entry> entries = new ArrayList<>();

    /**
     * One request.
     *
     * @param headers the captured headers (see {@link SimServer.Builder#captureHeaders}), first value each
     * @param status  the status sent, or {@link #NO_STATUS} if the connection was reset first
     * @param fault   label of the injected fault, or null
     */
    public record Entry(
            String method,
            String path,
            String rawQuery,
            Map<String, List<String>> params,
            Map<String, String> headers,
            boolean hasAuthorization,
            Instant received,
            int status,
            String fault) {

        public Optional<String> param(String name) {
            List<String> v = params.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    public synchronized void add(Entry e) {
        entries.add(e);
    }

    /** A snapshot in the order requests completed. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Entry> entries(Predicate<Entry> filter) {
        return entries.stream().filter(filter).toList();
    }

    public synchronized long count(Predicate<Entry> filter) {
        return entries.stream().filter(filter).count();
    }

    public long countByPathPrefix(String prefix) {
        return count(e -> e.path().startsWith(prefix));
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
