package org.lmssync.export;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmssync.store.Schema;

/** A hand-made sync DB: the resource tables as the engine creates them, rows written directly. */
final class SyncDbFixture implements AutoCloseable {
    static final String CREATED = "2026-01-02T03:04:05.000Z";
    private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("canvas_courses", List.of("id"));
        TABLES.put("canvas_sections", List.of("id"));
        TABLES.put("canvas_enrollments", List.of("id"));
        TABLES.put("canvas_users", List.of("id"));
        TABLES.put("canvas_assignments", List.of("course_id", "id"));
        TABLES.put("canvas_submissions", List.of("id"));
        TABLES.put("canvas_auth_events", List.of("id"));
        TABLES.put("google_courses", List.of("id"));
        TABLES.put("google_students", List.of("course_id", "user_id"));
        TABLES.put("google_teachers", List.of("course_id", "user_id"));
        TABLES.put("google_coursework", List.of("course_id", "id"));
        TABLES.put("google_submissions", List.of("course_id", "course_work_id", "id"));
        TABLES.put("schoology_users", List.of("id"));
        TABLES.put("schoology_sections", List.of("id"));
        TABLES.put("schoology_enrollments", List.of("section_id", "id"));
        TABLES.put("schoology_assignments", List.of("section_id", "id"));
        TABLES.put("schoology_submissions", List.of("section_id", "grade_item_id", "uid"));
        TABLES.put("schoology_attendance", List.of("section_id", "enrollment_id", "date"));
    }

    private final Connection c;

    SyncDbFixture(Path db) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + db);
        for (Map.Entry<String, List<String>> t : TABLES.entrySet()) {
            Schema.createResourceTable(c, t.getKey(), t.getValue());
        }
    }

    /** A live row: identity values in the table's identity order, its scope, its JSON. */
    void insert(String table, String scope, String json, String... identity) throws SQLException {
        List<String> cols = new ArrayList<>(TABLES.get(table));
        cols.addAll(List.of("scope", "json", "json_hash", "create_date", "last_modified_date", "import_date", "run_id"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                + "?, ".repeat(cols.size() - 1) + "?)")) {
            int i = 1;
            for (String v : identity) {
                ps.setString(i++, v);
            }
            ps.setString(i++, scope);
            ps.setString(i++, json);
            ps.setString(i++, Integer.toHexString(json.hashCode()));
            ps.setString(i++, CREATED);
            ps.setString(i++, CREATED);
            ps.setString(i++, CREATED);
            ps.setLong(i, 1);
            ps.executeUpdate();
        }
    }

    void schoologySection(String id, String json) throws SQLException {
        insert("schoology_sections", "1", json, id);
    }

    void schoologyUser(String id, String json) throws SQLException {
        insert("schoology_users", "", json, id);
    }

    void schoologyEnrollment(String section, String id, String json) throws SQLException {
        insert("schoology_enrollments", section, json, section, id);
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
