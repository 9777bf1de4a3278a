package org.lmssync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.reliability.LmsFixture.Table;
import org.lmssync.simulator.google.DistrictSize;
import org.lmssync.simulator.google.GoogleSimConfig;
import org.lmssync.simulator.google.GoogleSimulator;

/** Google: 4 courses (2 pages of 3), their students, and three days of usage reports. */
public final class GoogleFixture implements LmsFixture.Starter {
    private static final List<String> USAGE_PARAMS = List.of("classroom:last_interaction_time",
            "classroom:num_posts_created", "accounts:last_login_time");
    private static final int USAGE_DAYS = 2;

    @Override
    public String lms() {
        return "google";
    }

    @Override
    public LmsFixture start(Path dir) {
        GoogleSimulator sim = GoogleSimulator.start(GoogleSimConfig.builder().seed(11)
                .size(new DistrictSize(4, 3, 1, 1, 8, 2)).build());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // usage from the day the truth starts
        return new LmsFixture(sim, "courses", "/v1/courses", "usage", List.of("courses", "students", "usage"), 3,
                Map.of("lms.school-year-start", today.minusDays(USAGE_DAYS).toString()), () -> truth(sim, today));
    }

    private static List<Table> truth(GoogleSimulator sim, LocalDate today) {
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
}
