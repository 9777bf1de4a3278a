package org.lmssync.simulator.schoology;

import java.util.LinkedHashMap;
import java.util.Map;

/** Mutable course state; only touched under the district lock. */
final class CourseData {
    final long id;
    String title;
    String courseCode;
    String department = "";
    String description = "";
    int credits;
    int subjectArea;
    int gradeStart;
    int gradeEnd;
    final Map<Long, SectionData> sections = new LinkedHashMap<>();

    CourseData(long id, String title, String courseCode) {
        this.id = id;
        this.title = title;
        this.courseCode = courseCode;
    }
}
