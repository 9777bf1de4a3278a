package org.lmssync.simulator.schoology;

/**
 * How big the generated district is. Each section has one teacher enrollment (admin=1) plus
 * {@code enrollmentsPerSection} student enrollments.
 *
 * @param students               active student accounts sections draw from
 * @param teachers               active teacher accounts
 * @param inactiveUsers          users already deactivated (listed under users/inactive)
 * @param submissionsPerAssignment students with a submission per assignment (at most the roster)
 * @param gradingPeriods         grading periods: one from last year (past), a full-year one, then
 *                               terms splitting the current year; at least 2
 * @param attendancePerSection   negative attendance marks (absent, late, excused) per section
 */
public record SchoologyDistrictSize(
        int students,
        int teachers,
        int inactiveUsers,
        int courses,
        int sectionsPerCourse,
        int enrollmentsPerSection,
        int assignmentsPerSection,
        int submissionsPerAssignment,
        int gradingPeriods,
        int attendancePerSection) {

    public SchoologyDistrictSize {
        if (students < 0 || teachers < 1 || inactiveUsers < 0 || courses < 0 || sectionsPerCourse < 0
                || enrollmentsPerSection < 0 || assignmentsPerSection < 0 || submissionsPerAssignment < 0
                || attendancePerSection < 0) {
            throw new IllegalArgumentException("sizes must be >= 0 (and at least one teacher)");
        }
        if (gradingPeriods < 2) {
            throw new IllegalArgumentException("gradingPeriods must be >= 2 (last year + full year)");
        }
        if (enrollmentsPerSection > students) {
            throw new IllegalArgumentException("enrollmentsPerSection exceeds the student pool");
        }
        if (submissionsPerAssignment > enrollmentsPerSection) {
            throw new IllegalArgumentException("submissionsPerAssignment exceeds enrollmentsPerSection");
        }
    }

    /** A handful of everything; complete listings take a few pages at limit 20. */
    public static SchoologyDistrictSize small() {
        return new SchoologyDistrictSize(40, 5, 3, 4, 3, 12, 3, 8, 4, 6);
    }

    /** About 55,000 records (the medium demo district). */
    public static SchoologyDistrictSize medium() {
        return new SchoologyDistrictSize(4000, 150, 50, 25, 3, 50, 15, 40, 4, 60);
    }

    /** Roughly 65,000 records, mostly submissions. */
    public static SchoologyDistrictSize large() {
        return new SchoologyDistrictSize(3000, 150, 50, 100, 3, 25, 8, 20, 4, 20);
    }

    public int sections() {
        return courses * sectionsPerCourse;
    }

    /** Records a complete crawl sees (past sections included): users, courses, sections, etc. */
    public long totalRecords() {
        long s = sections();
        return students + teachers + inactiveUsers + courses + s + s * (enrollmentsPerSection + 1)
                + s * assignmentsPerSection + s * assignmentsPerSection * submissionsPerAssignment
                + gradingPeriods + s * attendancePerSection;
    }
}
