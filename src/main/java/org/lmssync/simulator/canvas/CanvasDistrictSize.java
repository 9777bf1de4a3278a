package org.lmssync.simulator.canvas;

/**
 * How big the generated Canvas district is. Each section of a course takes its own slice of the
 * student pool, so a course has {@code sectionsPerCourse * studentsPerSection} distinct students;
 * submissions are one per (published assignment, student of the course).
 *
 * @param subAccounts       sub-accounts under the root account; courses are spread over them
 * @param terms             enrollment terms covering the data span
 * @param students          size of the student pool
 * @param staff             size of the staff pool (teachers, TAs, designers, observers)
 * @param authEventsPerUser generated login/logout events per user
 */
public record CanvasDistrictSize(
        int subAccounts,
        int terms,
        int courses,
        int sectionsPerCourse,
        int studentsPerSection,
        int teachersPerCourse,
        int assignmentsPerCourse,
        int students,
        int staff,
        int authEventsPerUser) {

    public CanvasDistrictSize {
        if (subAccounts < 0 || terms < 1 || courses < 0 || sectionsPerCourse < 1 || studentsPerSection < 0
                || teachersPerCourse < 0 || assignmentsPerCourse < 0 || authEventsPerUser < 0) {
            throw new IllegalArgumentException("sizes must be >= 0 (terms and sectionsPerCourse >= 1)");
        }
        if (students < sectionsPerCourse * studentsPerSection) {
            throw new IllegalArgumentException("the student pool must hold one course's sections");
        }
        if (staff < Math.max(1, teachersPerCourse)) {
            throw new IllegalArgumentException("the staff pool must hold one course's teachers");
        }
    }

    /** A dozen courses; quick to list completely in tests. */
    public static CanvasDistrictSize small() {
        return new CanvasDistrictSize(2, 2, 12, 2, 6, 1, 4, 60, 8, 3);
    }

    /** About 50,000 records (the medium demo district). */
    public static CanvasDistrictSize medium() {
        return new CanvasDistrictSize(3, 2, 120, 2, 25, 2, 8, 3000, 200, 3);
    }

    /** Well over 100,000 records, mostly submissions. */
    public static CanvasDistrictSize large() {
        return new CanvasDistrictSize(3, 2, 200, 2, 25, 2, 10, 5000, 300, 4);
    }

    public int studentsPerCourse() {
        return sectionsPerCourse * studentsPerSection;
    }

    /** Upper bound of submissions (every assignment published). */
    public long submissions() {
        return (long) courses * studentsPerCourse() * assignmentsPerCourse;
    }
}
