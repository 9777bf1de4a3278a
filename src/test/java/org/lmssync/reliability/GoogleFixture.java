package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.Faults;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;

/** Google: 4 courses (2 pages of 3), their students, and three days of usage reports. */
final class GoogleFixture implements LmsFixture {
    private static final List<String> USAGE_PARAMS = List.of("classroom:last_interaction_time",
            "classroom:num_posts_created", "accounts:last_login_time");
    private static final int USAGE_DAYS = 2;
    private final GoogleSimulator sim;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private GoogleFixture(GoogleSimulator sim) {
        this.sim = sim;
    }

    static LmsFixture start(Path dir) {
        return new GoogleFixture(GoogleSimulator.start(GoogleSimConfig.builder().seed(11)
                .size(new DistrictSize(4, 3, 1, 1, 8, 2)).build()));
    }

    @Override
    public String lms() {
        return "google";
    }

    @Override
    public String root() {
        return "courses";
    }

    @Override
    public String rootPath() {
        return "/v1/courses";
    }

    @Override
    public String otherRoot() {
        return "usage";
    }

    @Override
    public List<String> resources() {
        return List.of("courses", "students", "usage");
    }

    @Override
    public Faults faults() {
        return sim.faults();
    }

    @Override
    public RequestLog requestLog() {
        return sim.requestLog();
    }

    @Override
    public Map<String, String> config(Path dir) {
        return Map.of("lms.google.enabled", "true",
                "lms.google.classroom-url", sim.baseUrl(),
                "lms.google.reports-url", sim.baseUrl(),
                "lms.google.service-account-file", sim.writeServiceAccountKey(dir.resolve("key.json")).toString(),
                "lms.google.admin-email", sim.adminEmail(),
                "lms.google.requests-per-second", "1000",
                "lms.google.page-size", "3",
                "lms.google.resources", String.join(",", resources()),
                "lms.school-year-start", today.minusDays(USAGE_DAYS).toString());
    }

    /** An admin the service account has no domain-wide delegation for: the token endpoint answers 401. */
    @Override
    public void rejectCredentials(Map<String, String> config) {
        config.put("lms.google.admin-email", "not-delegated@" + sim.adminEmail().substring(sim.adminEmail().indexOf('@') + 1));
    }

    @Override
    public List<Table> truth() {
        Map<String, JsonNode> students = new HashMap<>();
        for (JsonNode c : sim.courses()) {
            String id = c.get("id").asText();
            sim.students(id).forEach(s -> students.put(id + "|" + s.get("userId").asText(), s));
        }
        Map<String, JsonNode> usage = new HashMap<>();
        for (int d = USAGE_DAYS; d >= 0; d--) {
            LocalDate date = today.minusDays(d);
            sim.usage(date, USAGE_PARAMS).forEach(u -> usage.put(u.at("/entity/profileId").asText() + "|" + date, u));
        }
        return List.of(new Table("courses", "google_courses", "id", LmsFixture.byField(sim.courses(), "id")),
                new Table("students", "google_students", "course_id || '|' || user_id", students, "courseId"),
                new Table("usage", "google_usage", "profile_id || '|' || as_of_date", usage));
    }

    @Override
    public void close() {
        sim.close();
    }
}
