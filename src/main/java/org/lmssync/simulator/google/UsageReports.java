package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.DataGen;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.Timestamps;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Deterministic user usage rows: every value depends only on (seed, user, date), so a date
 * re-queried later answers the same.
 */
final class UsageReports {
    static final String LAST_INTERACTION = "classroom:last_interaction_time";
    static final String NUM_POSTS = "classroom:num_posts_created";
    static final String LAST_LOGIN = "accounts:last_login_time";
    static final String NEVER = "1970-01-01T00:00:00.000Z";

    /** Request spelling -> response name. Both the documented and the observed spellings work. */
    static final Map<String, String> REQUEST_NAMES = Map.of(
            "classroom:timestamp_last_interaction", LAST_INTERACTION,
            LAST_INTERACTION, LAST_INTERACTION,
            NUM_POSTS, NUM_POSTS,
            "accounts:timestamp_last_login", LAST_LOGIN,
            LAST_LOGIN, LAST_LOGIN);

    static final List<String> ALL = List.of(NUM_POSTS, LAST_INTERACTION, LAST_LOGIN);

    /** Data availability of a date relative to "today". */
    enum Availability { FULL, PARTIAL, NOT_AVAILABLE, FUTURE }

    private final District d;

    UsageReports(District d) {
        this.d = d;
    }

    Availability availability(LocalDate date, LocalDate today) {
        GoogleSimConfig cfg = d.cfg;
        if (date.isAfter(today)) {
            return Availability.FUTURE;
        }
        if (cfg.dataNotAvailableDays() > 0 && !date.isBefore(today.minusDays(cfg.dataNotAvailableDays() - 1L))) {
            return Availability.NOT_AVAILABLE;
        }
        if (cfg.partialDataDays() > 0 && !date.isBefore(today.minusDays(cfg.partialDataDays()))) {
            return Availability.PARTIAL;
        }
        return Availability.FULL;
    }

    /** Users with a row on {@code date}, in a stable order. Caller holds the read lock. */
    List<SimUser> users(LocalDate date, Availability a) {
        if (a == Availability.NOT_AVAILABLE || a == Availability.FUTURE) {
            return List.of();
        }
        List<SimUser> out = new ArrayList<>(d.users.size());
        for (SimUser u : d.users) {
            if (a == Availability.FULL
                    || DataGen.rng(d.seed, 93, u.index(), date.toEpochDay()).nextDouble() < d.cfg.partialDataShare()) {
                out.add(u);
            }
        }
        return out;
    }

    ObjectNode row(SimUser u, LocalDate date, List<String> params) {
        GoogleSimConfig cfg = d.cfg;
        ObjectNode o = Json.object();
        o.put("kind", "admin#reports#usageReport");
        o.put("date", date.toString());
        o.put("etag", "\"" + Long.toHexString(DataGen.mix(d.seed, 94, u.index(), date.toEpochDay())) + "\"");
        o.putObject("entity").put("customerId", cfg.customerId()).put("userEmail", u.email())
                .put("profileId", u.id()).put("type", "USER");
        SplittableRandom r = DataGen.rng(d.seed, 90, u.index(), date.toEpochDay());
        boolean noParameters = r.nextDouble() < cfg.usageNoParametersShare();
        if (noParameters || params.isEmpty()) {
            return o;
        }
        boolean never = DataGen.rng(d.seed, 91, u.index()).nextDouble() < cfg.neverInteractedShare();
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean today = r.nextDouble() < 0.6;
        Instant interaction = today
                ? dayStart.plusSeconds(r.nextInt(86_400))
                : dayStart.minusSeconds(86_400L * (1 + r.nextInt(14)) - r.nextInt(86_400));
        int posts = today ? r.nextInt(5) : 0;
        Instant login = r.nextDouble() < 0.8
                ? dayStart.plusSeconds(r.nextInt(86_400))
                : dayStart.minusSeconds(86_400L * (1 + r.nextInt(7)) - r.nextInt(86_400));
        ArrayNode ps = o.putArray("parameters");
        for (String p : params) {
            switch (p) {
                case NUM_POSTS -> ps.addObject().put("name", p).put("intValue", String.valueOf(never ? 0 : posts));
                case LAST_INTERACTION -> ps.addObject().put("name", p)
                        .put("datetimeValue", never ? NEVER : Timestamps.rfc3339Millis(interaction));
                case LAST_LOGIN -> ps.addObject().put("name", p).put("datetimeValue", Timestamps.rfc3339Millis(login));
                default -> throw new IllegalArgumentException(p);
            }
        }
        return o;
    }

    /** The warnings array for a date; empty when data is complete. */
    ArrayNode warnings(LocalDate date, Availability a, List<String> params) {
        ArrayNode out = Json.array();
        if (a != Availability.PARTIAL && a != Availability.NOT_AVAILABLE) {
            return out;
        }
        TreeSet<String> apps = new TreeSet<>();
        params.forEach(p -> apps.add(p.substring(0, p.indexOf(':'))));
        for (String app : apps) {
            ObjectNode w = out.addObject();
            if (a == Availability.PARTIAL) {
                w.put("code", "PARTIAL_DATA_AVAILABLE");
                w.put("message", "Data for date " + date + " for application \"" + app
                        + "\" is not available right now, please try again after a few hours.");
            } else {
                w.put("code", "DATA_NOT_AVAILABLE");
                w.put("message", "Sorry, data for date " + date + " for application \"" + app + "\" is not available.");
            }
            ArrayNode data = w.putArray("data");
            data.addObject().put("key", "application").put("value", app);
            data.addObject().put("key", "date").put("value", date.toString());
        }
        return out;
    }

    /** Maps the request's parameters CSV to response names; null when a name is unknown. */
    static List<String> resolve(String csv) {
        if (csv == null || csv.isBlank()) {
            return ALL;
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String raw : csv.split(",")) {
            String name = REQUEST_NAMES.get(raw.trim());
            if (name == null) {
                return null;
            }
            out.put(name, true);
        }
        return List.copyOf(out.keySet());
    }
}
