package org.lmssync.engine.run;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** An inclusive range of dates asked for by one fetch-by-date listing. */
public record DateWindow(LocalDate start, LocalDate end) {

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Splits [from, to] into windows of at most {@code maxDays}; empty when from is after to. */
    public static List<DateWindow> split(LocalDate from, LocalDate to, int maxDays) {
        List<DateWindow> out = new ArrayList<>();
        for (LocalDate s = from; !s.isAfter(to); s = s.plusDays(maxDays)) {
            LocalDate e = s.plusDays(maxDays - 1L);
            out.add(new DateWindow(s, e.isAfter(to) ? to : e));
        }
        return out;
    }
}
