package org.lmssync.simulator.google;

import java.util.HashSet;
import java.util.Set;

/** OAuth scopes and which ones each simulated call accepts. */
public final class Scopes {
    public static final String PREFIX = "https://www.googleapis.com/auth/";

    public static final String COURSES_READONLY = PREFIX + "classroom.courses.readonly";
    public static final String COURSES = PREFIX + "classroom.courses";
    public static final String ROSTERS_READONLY = PREFIX + "classroom.rosters.readonly";
    public static final String ROSTERS = PREFIX + "classroom.rosters";
    public static final String PROFILE_EMAILS = PREFIX + "classroom.profile.emails";
    public static final String PROFILE_PHOTOS = PREFIX + "classroom.profile.photos";
    public static final String COURSEWORK_STUDENTS_READONLY = PREFIX + "classroom.coursework.students.readonly";
    public static final String COURSEWORK_STUDENTS = PREFIX + "classroom.coursework.students";
    public static final String COURSEWORK_ME = PREFIX + "classroom.coursework.me";
    public static final String COURSEWORK_ME_READONLY = PREFIX + "classroom.coursework.me.readonly";
    public static final String SUBMISSIONS_STUDENTS_READONLY = PREFIX + "classroom.student-submissions.students.readonly";
    public static final String ANNOUNCEMENTS_READONLY = PREFIX + "classroom.announcements.readonly";
    public static final String REPORTS_USAGE_READONLY = PREFIX + "admin.reports.usage.readonly";
    public static final String REPORTS_AUDIT_READONLY = PREFIX + "admin.reports.audit.readonly";
    public static final String DIRECTORY_ORGUNIT = PREFIX + "admin.directory.orgunit";

    /** Any one of these lets a caller list/get courses. */
    public static final Set<String> FOR_COURSES = Set.of(COURSES_READONLY, COURSES);
    public static final Set<String> FOR_ROSTERS = Set.of(ROSTERS_READONLY, ROSTERS);
    public static final Set<String> FOR_COURSEWORK = Set.of(
            COURSEWORK_STUDENTS_READONLY, COURSEWORK_STUDENTS, COURSEWORK_ME, COURSEWORK_ME_READONLY);
    public static final Set<String> FOR_SUBMISSIONS = union(FOR_COURSEWORK, Set.of(SUBMISSIONS_STUDENTS_READONLY));
    public static final Set<String> FOR_PROFILES = union(FOR_ROSTERS, Set.of(PROFILE_EMAILS, PROFILE_PHOTOS));
    public static final Set<String> FOR_USAGE = Set.of(REPORTS_USAGE_READONLY);

    /** Every scope the simulator knows; the default domain-wide delegation grant. */
    public static final Set<String> ALL_KNOWN = union(FOR_COURSES, FOR_PROFILES, FOR_SUBMISSIONS, FOR_USAGE,
            Set.of(ANNOUNCEMENTS_READONLY, REPORTS_AUDIT_READONLY, DIRECTORY_ORGUNIT));

    private Scopes() {
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> out = new HashSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return Set.copyOf(out);
    }
}
