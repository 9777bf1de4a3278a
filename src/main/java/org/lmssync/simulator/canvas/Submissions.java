package org.lmssync.simulator.canvas;

import org.lmssync.simulator.DataGen;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Derives submissions. Canvas keeps a submission row for every (published assignment, assigned
 * student), "unsubmitted" until the student hands something in; here the row's history is
 * generated from the seed unless a change set has edited it. Caller holds the district lock.
 */
final class Submissions {
    private final District d;

    Submissions(District d) {
        this.d = d;
    }

    /** The course's (or one section's) students whose student enrollment is not deleted, by user id. */
    List<UserData> students(long courseId, Long sectionId) {
        Map<Long, UserData> out = new LinkedHashMap<>();
        for (EnrollmentData e : d.enrollmentsByCourse.getOrDefault(courseId, List.of())) {
            if (e.type.equals("StudentEnrollment") && !e.state.equals("deleted")
                    && (sectionId == null || e.sectionId == sectionId)
                    && !d.sections.get(e.sectionId).deleted) {
                out.putIfAbsent(e.userId, d.usersById.get(e.userId));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Published, undeleted assignments of the course. */
    List<AssignmentData> publishedAssignments(long courseId) {
        return d.assignmentsByCourse.getOrDefault(courseId, List.of()).stream()
                .filter(a -> a.published && !a.deleted).toList();
    }

    /** Every submission of those students on those assignments, ordered by id. */
    List<Submission> all(long courseId, Long sectionId) {
        List<UserData> students = students(courseId, sectionId);
        students.sort(java.util.Comparator.comparingInt(u -> u.ordinal));
        List<Submission> out = new ArrayList<>();
        for (AssignmentData a : publishedAssignments(courseId)) {
            for (UserData u : students) {
                out.add(derive(a, u));
            }
        }
        return out;
    }

    Submission derive(AssignmentData a, UserData u) {
        long id = District.submissionId(a, u);
        SubmissionEdit edit = d.submissionEdits.get(id);
        if (edit != null) {
            boolean missing = edit.submittedAt() == null && pastDue(a);
            return new Submission(id, a, u, edit.submittedAt(), edit.gradedAt(), edit.score(), edit.attempt(),
                    edit.graderId(), missing);
        }
        if (!a.generated || a.dueAt == null || u.ordinal >= d.generatedUsers) {
            return new Submission(id, a, u, null, null, null, 0, null, pastDue(a));
        }
        SplittableRandom r = DataGen.rng(d.seed, 40, a.ordinal, u.ordinal);
        Instant submitted = null;
        Instant graded = null;
        Double score = null;
        if (r.nextDouble() < 0.75) {
            Instant at = r.nextDouble() < 0.12
                    ? a.dueAt.plusSeconds(60 + r.nextLong(48 * 3600L))
                    : a.dueAt.minusSeconds(60 + r.nextLong(72 * 3600L));
            if (at.isBefore(d.dataEnd)) {
                submitted = at.truncatedTo(ChronoUnit.SECONDS);
                Instant g = submitted.plusSeconds(3600 + r.nextLong(120 * 3600L));
                if (r.nextDouble() < 0.7 && g.isBefore(d.dataEnd)) {
                    graded = g.truncatedTo(ChronoUnit.SECONDS);
                    score = Math.round(a.pointsPossible * (0.5 + 0.5 * r.nextDouble()) * 2) / 2.0;
                }
            }
        }
        return new Submission(id, a, u, submitted, graded, score, submitted == null ? 0 : 1,
                graded == null ? null : graderFor(a), submitted == null && pastDue(a));
    }

    /** The course's first teacher, or the root account's admin stand-in. */
    Long graderFor(AssignmentData a) {
        return d.enrollmentsByCourse.getOrDefault(a.courseId, List.of()).stream()
                .filter(e -> e.type.equals("TeacherEnrollment")).map(e -> e.userId).findFirst().orElse(null);
    }

    /** Missing is judged against the end of the generated data, so it does not flip as the clock runs. */
    private boolean pastDue(AssignmentData a) {
        return a.dueAt != null && a.dueAt.isBefore(d.dataEnd);
    }
}
