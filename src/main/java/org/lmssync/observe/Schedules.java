package org.lmssync.observe;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import org.quartz.CronExpression;

/** The interval of a quartz cron schedule: the time between its next two fire times. */
public final class Schedules {
    private Schedules() {
    }

    /** Null when the expression cannot be read or never fires twice. */
    public static Duration interval(String cron, Date from) {
        try {
            CronExpression e = new CronExpression(cron);
            Date a = e.getNextValidTimeAfter(from);
            Date b = a == null ? null : e.getNextValidTimeAfter(a);
            return b == null ? null : Duration.ofMillis(b.getTime() - a.getTime());
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
