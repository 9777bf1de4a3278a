package org.lmssync.simulator.schoology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each listing contains, in order, before paging. The API and the truth accessors both read
 * through here so they cannot disagree. Caller holds the district read lock.
 */
final class Listings {
    /** One row of a submissions listing. */
    record RevisionRow(long uid, SubmissionData.Revision revision) {
    }

    private final District d;

    Listings(District d) {
        this.d = d;
    }

    List<UserData> activeUsers() {
        return d.users.values().stream().filter(u -> u.active).toList();
    }

    List<UserData> inactiveUsers() {
        return d.users.values().stream().filter(u -> !u.active).toList();
    }

    List<CourseData> courses() {
        return List.copyOf(d.courses.values());
    }

    /** Without include_past, sections whose grading periods have all ended are left out. */
    List<SectionData> sections(CourseData c, boolean includePast) {
        return c.sections.values().stream().filter(s -> includePast || !d.isPast(s)).toList();
    }

    /** @param uids null for all; @param statuses null for all */
    List<EnrollmentData> enrollments(SectionData s, Set<Long> uids, Set<Integer> statuses) {
        return s.enrollments.values().stream()
                .filter(e -> uids == null || uids.contains(e.uid))
                .filter(e -> statuses == null || statuses.contains(e.status))
                .toList();
    }

    List<AssignmentData> assignments(SectionData s) {
        return s.assignments.values().stream().sorted(AssignmentData.ORDER).toList();
    }

    /**
     * Grouped by user (in the order users first submitted), newest revision first; only each
     * user's latest revision unless {@code allRevisions}.
     */
    List<RevisionRow> revisions(AssignmentData a, boolean allRevisions) {
        List<RevisionRow> out = new ArrayList<>();
        for (SubmissionData sub : a.submissions.values()) {
            if (sub.revisions.isEmpty()) {
                continue;
            }
            if (!allRevisions) {
                out.add(new RevisionRow(sub.uid, sub.latest()));
                continue;
            }
            for (int i = sub.revisions.size() - 1; i >= 0; i--) {
                out.add(new RevisionRow(sub.uid, sub.revisions.get(i)));
            }
        }
        return out;
    }

    List<GradingPeriod> gradingPeriods() {
        return List.copyOf(d.gradingPeriods.values());
    }

    /** Dates in [from, to] (either may be null for open), marks optionally of one enrollment; empty dates dropped. */
    Map<LocalDate, Collection<AttendanceMark>> attendance(SectionData s, LocalDate from, LocalDate to, Long enrollmentId) {
        Map<LocalDate, Collection<AttendanceMark>> out = new LinkedHashMap<>();
        s.attendance.forEach((date, marks) -> {
            if ((from != null && date.isBefore(from)) || (to != null && date.isAfter(to))) {
                return;
            }
            List<AttendanceMark> kept = marks.values().stream()
                    .filter(m -> enrollmentId == null || m.enrollmentId() == enrollmentId)
                    .toList();
            if (!kept.isEmpty()) {
                out.put(date, kept);
            }
        });
        return out;
    }
}
