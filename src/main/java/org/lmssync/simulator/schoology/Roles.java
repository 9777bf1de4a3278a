package org.lmssync.simulator.schoology;

/** The school's fixed roles; ids are arbitrary but stable. */
final class Roles {
    static final int ADMIN = 1212;
    static final int TEACHER = 1213;
    static final int STUDENT = 1214;

    /** id, title, faculty flag. */
    record Role(int id, String title, int faculty) {
    }

    static final java.util.List<Role> ALL = java.util.List.of(
            new Role(ADMIN, "School Admin", 1),
            new Role(TEACHER, "Teacher", 1),
            new Role(STUDENT, "Student", 0));

    private Roles() {
    }
}
