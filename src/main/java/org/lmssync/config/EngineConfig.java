package org.lmssync.config;

import java.time.LocalDate;
import java.util.Optional;

/** The engine-wide keys of the contract, validated once. */
public record EngineConfig(
        String dbUrl,
        Optional<LocalDate> schoolYearStart,
        Optional<LocalDate> endDate,
        int maxWindowDays,
        int fullRefreshDays,
        int deleteGuardPercent,
        int maxAttempts,
        int maxWaitSeconds,
        int timeoutSeconds,
        long backoffBaseMillis,
        int maxFailedListingsInARow,
        String routesDir) {

    public static EngineConfig from(Settings s) {
        String db = s.get("lms.db.url", "");
        Optional<LocalDate> start = s.date("lms.school-year-start");
        Optional<LocalDate> end = s.date("lms.end-date");
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            throw new ConfigException("lms.end-date", "is before lms.school-year-start");
        }
        return new EngineConfig(db, start, end,
                s.integer("lms.max-window-days", 1, 3660),
                s.integer("lms.full-refresh-days", 1, 3660),
                s.integer("lms.delete-guard-percent", 0, 100),
                s.integer("lms.http.max-attempts", 1, 100),
                s.integer("lms.http.max-wait-seconds", 1, 86_400),
                s.integer("lms.http.timeout-seconds", 1, 3_600),
                s.integer("lms.http.backoff-base-millis", 1, 600_000),
                s.integer("lms.max-failed-listings-in-a-row", 1, 1_000_000),
                s.get("lms.routes-dir", ""));
    }

}
