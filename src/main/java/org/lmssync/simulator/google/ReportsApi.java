package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.PathTemplate;
import org.lmssync.simulator.SimHandler;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Admin SDK Reports: GET /admin/reports/v1/usage/users/{userKey}/dates/{date}. */
final class ReportsApi implements SimHandler {
    private static final PathTemplate USAGE = new PathTemplate("/admin/reports/v1/usage/users/{userKey}/dates/{date}");

    private final District d;
    private final UsageReports usage;
    private final ApiGate gate;
    private final Pager pager;

    ReportsApi(District d, UsageReports usage, ApiGate gate, Pager pager) {
        this.d = d;
        this.usage = usage;
        this.gate = gate;
        this.pager = pager;
    }

    @Override
    public SimResponse handle(SimRequest req) {
        Optional<Map<String, String>> m = USAGE.match(req.path());
        if (m.isEmpty() || !"GET".equals(req.method())) {
            return GoogleErrors.notFound("Not Found");
        }
        ApiGate.Access access = gate.admit(req, Scopes.FOR_USAGE, true);
        if (access.denied()) {
            return access.error();
        }
        String rawDate = m.get().get("date");
        LocalDate date;
        try {
            if (!rawDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("pattern", rawDate, 0);
            }
            date = LocalDate.parse(rawDate);
        } catch (DateTimeParseException e) {
            return bad("Invalid value '" + rawDate + "'. Values must match the following regular expression: "
                    + "'(\\d){4}-(\\d){2}-(\\d){2}'");
        }
        List<String> params = UsageReports.resolve(req.param("parameters").orElse(null));
        if (params == null) {
            return bad("Bad parameters: " + req.param("parameters").orElse(""));
        }
        Pager.Window w = pager.window(req, new Pager.Sizing("maxResults", d.cfg.reportsMaxResults(),
                d.cfg.reportsMaxResults(), true));
        if (w.error() != null) {
            return w.error();
        }
        String userKey = m.get().get("userKey");
        return d.read(() -> {
            LocalDate today = d.today();
            UsageReports.Availability a = usage.availability(date, today);
            if (a == UsageReports.Availability.FUTURE && d.cfg.rejectFutureDates()) {
                return bad("Start date can not be later than " + today);
            }
            if (a == UsageReports.Availability.FUTURE) {
                a = UsageReports.Availability.NOT_AVAILABLE;
            }
            List<SimUser> users = usage.users(date, a);
            if (!"all".equals(userKey)) {
                SimUser only = d.findUser(userKey);
                if (only == null) {
                    return GoogleErrors.notFound("User not found: " + userKey);
                }
                users = users.stream().filter(u -> u.index() == only.index()).toList();
            }
            ObjectNode env = Json.object();
            env.put("kind", "admin#reports#usageReports");
            env.put("etag", "\"" + d.cfg.customerId() + "/" + date + "\"");
            ArrayNode warnings = usage.warnings(date, a, params);
            if (!warnings.isEmpty()) {
                env.set("warnings", warnings);
            }
            return SimResponse.json(200, pager.page(w, users, "usageReports",
                    u -> usage.row(u, date, params), env, false));
        });
    }

    private static SimResponse bad(String message) {
        return GoogleErrors.apiWithReason(400, "INVALID_ARGUMENT", message, "global", "invalid");
    }
}
