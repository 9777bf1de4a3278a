package org.lmssync.simulator.google;

/**
 * How big the generated district is. Submissions are one per (student, published course
 * work), so their count is courses * studentsPerCourse * courseWorkPerCourse.
 *
 * @param students size of the student pool courses draw from
 * @param teachers size of the teacher pool courses draw from
 */
public record DistrictSize(
        int courses,
        int studentsPerCourse,
        int teachersPerCourse,
        int courseWorkPerCourse,
        int students,
        int teachers) {

    public DistrictSize {
        if (courses < 0 || studentsPerCourse < 0 || teachersPerCourse < 0 || courseWorkPerCourse < 0) {
            throw new IllegalArgumentException("sizes must be >= 0");
        }
        if (students < studentsPerCourse || teachers < teachersPerCourse) {
            throw new IllegalArgumentException("user pools must hold at least one course's roster");
        }
    }

    /** A few courses; quick to list completely in tests. */
    public static DistrictSize small() {
        return new DistrictSize(6, 8, 2, 4, 30, 6);
    }

    /** About 80,000 records (the medium demo district). */
    public static DistrictSize medium() {
        return new DistrictSize(250, 25, 2, 8, 3000, 200);
    }

    /** About 100,000 records, mostly submissions. */
    public static DistrictSize large() {
        return new DistrictSize(400, 25, 2, 10, 4000, 300);
    }

    public long submissions() {
        return (long) courses * studentsPerCourse * courseWorkPerCourse;
    }

    /** Courses + roster entries + course work + submissions + users. */
    public long totalRecords() {
        return courses + (long) courses * (studentsPerCourse + teachersPerCourse)
                + (long) courses * courseWorkPerCourse + submissions() + students + teachers;
    }
}
