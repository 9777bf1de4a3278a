package org.lmssync.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Ed-Fi LMS DS Loader's acceptance rules, re-implemented from the reference
 * (shared/reference/udm-csv.md §1, §2, §4) without looking at the exporter's own definitions:
 * the paths it scans, the file names, the exact headers (the order lms-sync chose: the canonical
 * one), NOT NULL columns, value formats and sizes, one SourceSystem per tree, unique ids per file,
 * and that the newest export is a complete snapshot of every scope the newest sections file names.
 */
final class LoaderContract {
    static final String TS = "\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}";
    private static final Pattern ROOT_FILE = Pattern.compile("(users|sections)/(" + TS + ")\\.csv");
    private static final Pattern SECTION_FILE = Pattern.compile(
            "section=([^/]+)/(section-associations|assignments|section-activities|attendance-events|grades)/(" + TS + ")\\.csv");
    private static final Pattern SUBMISSION_FILE = Pattern.compile("section=([^/]+)/assignment=([^/]+)/submissions/(" + TS + ")\\.csv");
    private static final Pattern SYSTEM_FILE = Pattern.compile("system-activities/date=(\\d{4}-\\d{2}-\\d{2})/(" + TS + ")\\.csv");
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INT = Pattern.compile("-?\\d+");
    /** pandas 1.5's default na_values: read as missing, so never in a NOT NULL column. */
    private static final Set<String> NA = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
            "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null");

    /** Exact headers (name, case, and lms-sync's chosen order). */
    static final Map<String, List<String>> HEADERS = Map.of(
            "users", List.of("SourceSystemIdentifier", "SourceSystem", "UserRole", "LocalUserIdentifier", "SISUserIdentifier",
                    "Name", "EmailAddress", "CreateDate", "LastModifiedDate", "SourceCreateDate", "SourceLastModifiedDate"),
            "sections", List.of("SourceSystemIdentifier", "SourceSystem", "SISSectionIdentifier", "Title", "SectionDescription",
                    "Term", "LMSSectionStatus", "CreateDate", "LastModifiedDate", "SourceCreateDate", "SourceLastModifiedDate"),
            "section-associations", List.of("SourceSystemIdentifier", "SourceSystem", "EnrollmentStatus",
                    "LMSUserSourceSystemIdentifier", "LMSSectionSourceSystemIdentifier", "CreateDate", "LastModifiedDate",
                    "SourceCreateDate", "SourceLastModifiedDate"),
            "assignments", List.of("SourceSystemIdentifier", "SourceSystem", "Title", "AssignmentCategory",
                    "AssignmentDescription", "StartDateTime", "EndDateTime", "DueDateTime", "SubmissionType", "MaxPoints",
                    "LMSSectionSourceSystemIdentifier", "CreateDate", "LastModifiedDate", "SourceCreateDate",
                    "SourceLastModifiedDate"),
            "submissions", List.of("SourceSystemIdentifier", "SourceSystem", "SubmissionStatus", "SubmissionDateTime",
                    "EarnedPoints", "Grade", "AssignmentSourceSystemIdentifier", "LMSUserSourceSystemIdentifier", "CreateDate",
                    "LastModifiedDate", "SourceCreateDate", "SourceLastModifiedDate"),
            "section-activities", List.of("SourceSystemIdentifier", "SourceSystem", "ActivityType", "ActivityDateTime",
                    "ActivityStatus", "ParentSourceSystemIdentifier", "ActivityTimeInMinutes", "LMSSectionSourceSystemIdentifier",
                    "LMSUserSourceSystemIdentifier", "CreateDate", "LastModifiedDate", "SourceCreateDate", "SourceLastModifiedDate"),
            "system-activities", List.of("LMSUserSourceSystemIdentifier", "ActivityDateTime", "SourceSystem",
                    "SourceSystemIdentifier", "ActivityType", "ActivityStatus", "ParentSourceSystemIdentifier",
                    "ActivityTimeInMinutes", "CreateDate", "LastModifiedDate", "SourceCreateDate", "SourceLastModifiedDate"),
            "attendance-events", List.of("SourceSystemIdentifier", "SourceSystem", "EventDate", "AttendanceStatus",
                    "LMSSectionSourceSystemIdentifier", "LMSUserSourceSystemIdentifier", "CreateDate", "LastModifiedDate",
                    "SourceCreateDate", "SourceLastModifiedDate"));

    /** NOT NULL in the staging tables (or needed by the loader's Python). */
    static final Map<String, Set<String>> REQUIRED = Map.of(
            "users", Set.of("SourceSystemIdentifier", "SourceSystem", "UserRole", "Name", "EmailAddress", "CreateDate",
                    "LastModifiedDate"),
            "sections", Set.of("SourceSystemIdentifier", "SourceSystem", "Title", "CreateDate", "LastModifiedDate"),
            "section-associations", Set.of("SourceSystemIdentifier", "SourceSystem", "EnrollmentStatus",
                    "LMSUserSourceSystemIdentifier", "LMSSectionSourceSystemIdentifier", "CreateDate", "LastModifiedDate"),
            "assignments", Set.of("SourceSystemIdentifier", "SourceSystem", "Title", "AssignmentCategory",
                    "LMSSectionSourceSystemIdentifier", "CreateDate", "LastModifiedDate"),
            "submissions", Set.of("SourceSystemIdentifier", "SourceSystem", "AssignmentSourceSystemIdentifier",
                    "LMSUserSourceSystemIdentifier", "CreateDate", "LastModifiedDate"),
            "section-activities", Set.of("SourceSystemIdentifier", "SourceSystem", "ActivityType", "ActivityDateTime",
                    "ActivityStatus", "LMSSectionSourceSystemIdentifier", "LMSUserSourceSystemIdentifier", "CreateDate",
                    "LastModifiedDate"),
            "system-activities", Set.of("LMSUserSourceSystemIdentifier", "ActivityDateTime", "SourceSystem",
                    "SourceSystemIdentifier", "ActivityType", "ActivityStatus", "CreateDate", "LastModifiedDate"),
            "attendance-events", Set.of("SourceSystemIdentifier", "SourceSystem", "EventDate", "AttendanceStatus",
                    "LMSUserSourceSystemIdentifier", "CreateDate", "LastModifiedDate"));

    private static final Set<String> DATETIMES = Set.of("CreateDate", "LastModifiedDate", "SourceCreateDate",
            "SourceLastModifiedDate", "ActivityDateTime", "SubmissionDateTime", "StartDateTime", "EndDateTime", "DueDateTime");
    private static final Set<String> INTS = Set.of("MaxPoints", "EarnedPoints", "ActivityTimeInMinutes");
    private static final Map<String, Integer> SIZES = sizes();

    private LoaderContract() {
    }

    private static Map<String, Integer> sizes() {
        Map<String, Integer> m = new HashMap<>();
        for (String c : List.of("SourceSystemIdentifier", "SourceSystem", "SISUserIdentifier", "LocalUserIdentifier", "Name",
                "EmailAddress", "Title", "SubmissionStatus", "ParentSourceSystemIdentifier", "LMSUserSourceSystemIdentifier",
                "LMSSectionSourceSystemIdentifier", "AssignmentSourceSystemIdentifier", "SISSectionIdentifier")) {
            m.put(c, 255);
        }
        m.put("SectionDescription", 1024);
        m.put("AssignmentDescription", 1024);
        for (String c : List.of("UserRole", "Term", "LMSSectionStatus", "AssignmentCategory", "EnrollmentStatus", "ActivityType",
                "ActivityStatus", "AttendanceStatus")) {
            m.put(c, 60);
        }
        m.put("Grade", 20);
        return m;
    }

    /** One CSV file as the loader reads it. */
    record Csv(Path file, List<String> header, List<Map<String, String>> rows) {
    }

    /** The newest export of a tree: per entity folder name, per scope key, its file. */
    record Tree(Path root, String stamp, Map<String, Map<String, Csv>> files) {

        List<Map<String, String>> rows(String entity) {
            List<Map<String, String>> out = new ArrayList<>();
            files.getOrDefault(entity, Map.of()).values().forEach(c -> out.addAll(c.rows()));
            return out;
        }

        Map<String, Map<String, String>> bySsi(String entity) {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            for (Map<String, String> r : rows(entity)) {
                out.put(r.get("SourceSystemIdentifier"), r);
            }
            return out;
        }

        Set<String> ssis(String entity) {
            return bySsi(entity).keySet();
        }

        Set<String> scopes(String entity) {
            return files.getOrDefault(entity, Map.of()).keySet();
        }
    }

    /**
     * Checks every file of the tree, then the newest export as the loader would read it.
     *
     * @param entities the entity folders this LMS writes for each section / assignment
     */
    static Tree check(Path root, String sourceSystem, Set<String> sectionEntities, boolean submissions) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        }
        String newest = null;
        Map<String, String> newestPerFolder = new TreeMap<>();
        for (Path p : all) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (rel.equals("udm-export-state.sqlite") || rel.equals("udm-export-state.sqlite-journal")) {
                continue;
            }
            String stamp = stampOf(rel);
            if (stamp == null) {
                fail("a file the loader would not expect (or would not find): " + rel);
            }
            newest = newest == null || stamp.compareTo(newest) > 0 ? stamp : newest;
            String folder = rel.substring(0, rel.lastIndexOf('/'));
            newestPerFolder.merge(folder, stamp, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            checkFile(p, rel, sourceSystem);
        }
        assertTrue(newest != null, "no files under " + root);
        Map<String, Map<String, Csv>> files = new TreeMap<>();
        for (Map.Entry<String, String> f : newestPerFolder.entrySet()) {
            if (!f.getValue().equals(newest)) {
                continue; // a folder the newest export did not write (a scope that is gone)
            }
            String rel = f.getKey() + "/" + newest + ".csv";
            Csv csv = read(root.resolve(rel));
            files.computeIfAbsent(entityOf(rel), k -> new TreeMap<>()).put(scopeOf(rel), csv);
        }
        Tree tree = new Tree(root, newest, files);
        checkSnapshot(tree, sectionEntities, submissions);
        return tree;
    }

    private static String stampOf(String rel) {
        for (Pattern p : List.of(ROOT_FILE, SECTION_FILE, SUBMISSION_FILE, SYSTEM_FILE)) {
            Matcher m = p.matcher(rel);
            if (m.matches()) {
                return m.group(m.groupCount());
            }
        }
        return null;
    }

    private static String entityOf(String rel) {
        String[] parts = rel.split("/");
        return parts[parts.length - 2].startsWith("date=") ? parts[parts.length - 3] : parts[parts.length - 2];
    }

    private static String scopeOf(String rel) {
        Matcher m = SUBMISSION_FILE.matcher(rel);
        if (m.matches()) {
            return m.group(1) + "/" + m.group(2);
        }
        m = SECTION_FILE.matcher(rel);
        if (m.matches()) {
            return m.group(1);
        }
        m = SYSTEM_FILE.matcher(rel);
        return m.matches() ? m.group(1) : "";
    }

    private static void checkFile(Path p, String rel, String sourceSystem) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        assertTrue(bytes.length > 0, rel + " is empty (0 bytes)");
        if (bytes.length <= 4) {
            assertEquals("\n", new String(bytes, StandardCharsets.UTF_8), rel + ": a file with nothing to say is one LF");
            return;
        }
        assertFalse(bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF, rel + " starts with a BOM");
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            fail(rel + " is not UTF-8");
        }
        Csv csv = read(p);
        String entity = entityOf(rel);
        assertEquals(HEADERS.get(entity), csv.header(), rel + ": header");
        assertFalse(csv.rows().isEmpty(), rel + ": a header without rows (the loader records it as processed, 0 rows)");
        String scope = scopeOf(rel);
        Set<String> ids = new HashSet<>();
        for (Map<String, String> row : csv.rows()) {
            String where = rel + " row " + row.get("SourceSystemIdentifier");
            assertEquals(sourceSystem, row.get("SourceSystem"), where + ": SourceSystem");
            assertTrue(ids.add(row.get("SourceSystemIdentifier")), where + ": duplicate SourceSystemIdentifier in one file");
            for (Map.Entry<String, String> v : row.entrySet()) {
                String c = v.getKey();
                String value = v.getValue();
                if (REQUIRED.get(entity).contains(c)) {
                    assertFalse(NA.contains(value), where + ": NOT NULL column " + c + " is '" + value + "'");
                }
                if (value.isEmpty()) {
                    continue;
                }
                if (DATETIMES.contains(c)) {
                    assertTrue(DATETIME.matcher(value).matches(), where + ": " + c + " '" + value + "' is not YYYY-MM-DD HH:MM:SS");
                }
                if (c.equals("EventDate")) {
                    assertTrue(DATE.matcher(value).matches(), where + ": EventDate '" + value + "'");
                }
                if (INTS.contains(c)) {
                    assertTrue(INT.matcher(value).matches(), where + ": " + c + " '" + value + "' is not an integer");
                }
                Integer size = SIZES.get(c);
                if (size != null) {
                    assertTrue(value.length() <= size, where + ": " + c + " is longer than " + size);
                }
            }
            if (entity.equals("section-associations") || entity.equals("assignments") || entity.equals("section-activities")
                    || entity.equals("attendance-events")) {
                assertEquals(scope, row.get("LMSSectionSourceSystemIdentifier"), where + ": the section of its folder");
            }
            if (entity.equals("submissions")) {
                assertEquals(scope.substring(scope.indexOf('/') + 1), row.get("AssignmentSourceSystemIdentifier"),
                        where + ": the assignment of its folder");
            }
        }
    }

    /**
     * The newest sections file names the section folders the loader scans; each of those must
     * have a file of the newest export for each entity (a complete snapshot of its scope), and so
     * must each assignment of its newest assignments file; and no folder of the newest export may
     * be one the loader would not scan.
     */
    private static void checkSnapshot(Tree t, Set<String> sectionEntities, boolean submissions) {
        assertTrue(t.files().containsKey("users"), "the newest export has a users file");
        assertTrue(t.files().containsKey("sections"), "the newest export has a sections file");
        Set<String> sections = t.ssis("sections");
        for (String e : sectionEntities) {
            assertEquals(sections, t.scopes(e), e + ": one file per section of the newest sections file");
        }
        if (submissions) {
            Set<String> expected = new HashSet<>();
            for (Map<String, String> a : t.rows("assignments")) {
                expected.add(a.get("LMSSectionSourceSystemIdentifier") + "/" + a.get("SourceSystemIdentifier"));
            }
            assertEquals(expected, t.scopes("submissions"), "one submissions file per assignment of the newest assignments files");
        }
    }

    /** A small RFC 4180 reader (quotes, doubled quotes, LF inside quotes). */
    static Csv read(Path p) throws IOException {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (text.equals("\n")) {
            return new Csv(p, List.of(), List.of());
        }
        List<List<String>> records = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                rec.add(field.toString());
                field.setLength(0);
                records.add(rec);
                rec = new ArrayList<>();
            } else {
                assertFalse(c == '\r', p + ": CR outside quotes (lines end with LF)");
                field.append(c);
            }
        }
        assertTrue(rec.isEmpty() && field.isEmpty(), p + ": the last line does not end with LF");
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertEquals(header.size(), r.size(), p + ": a row with " + r.size() + " fields under " + header.size() + " columns");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            rows.add(row);
        }
        return new Csv(p, header, rows);
    }
}
