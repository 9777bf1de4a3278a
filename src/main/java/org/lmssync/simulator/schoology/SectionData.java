package org.lmssync.simulator.schoology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mutable section state with its rosters, assignments and attendance; under the district lock. */
final class SectionData {
    final long id;
    final CourseData course;
    final String accessCode;
    String title;
    String sectionCode = "";
    String sectionSchoolCode;
    String description = "";
    String location = "";
    boolean active = true;
    List<Long> gradingPeriodIds = new ArrayList<>();
    final Map<Long, EnrollmentData> enrollments = new LinkedHashMap<>();
    final Map<Long, AssignmentData> assignments = new LinkedHashMap<>();
    /** Negative attendance by date; a date holds at most one mark per enrollment. */
    final TreeMap<LocalDate, Map<Long, AttendanceMark>> attendance = new TreeMap<>();

    SectionData(long id, CourseData course, String accessCode, String title) {
        this.id = id;
        this.course = course;
        this.accessCode = accessCode;
        this.title = title;
    }
}
