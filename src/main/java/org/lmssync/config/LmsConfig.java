package org.lmssync.config;

import org.quartz.CronExpression;

/** The keys every LMS has: {@code lms.<lms>.enabled, schedule, page-size, requests-per-second, concurrency}. */
public record LmsConfig(String name, boolean enabled, String schedule, int pageSize, double requestsPerSecond,
                        int concurrency) {

    /** An LMS that does not sync in this process: nothing of it is read. */
    public static LmsConfig inactive(String lms) {
        return new LmsConfig(lms, false, null, 1, 1, 1);
    }

    public static LmsConfig from(Settings s, String lms) {
        String prefix = "lms." + lms + ".";
        boolean enabled = s.flag(prefix + "enabled");
        String schedule = s.require(prefix + "schedule");
        if (!CronExpression.isValidExpression(schedule)) {
            throw new ConfigException(prefix + "schedule", "is not a valid quartz cron expression: '" + schedule + "'");
        }
        return new LmsConfig(lms, enabled, schedule,
                s.integer(prefix + "page-size", 1, 100_000),
                s.decimal(prefix + "requests-per-second", 0),
                s.integer(prefix + "concurrency", 1, 64));
    }
}
