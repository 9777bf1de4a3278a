package org.lmssync.export;

import static org.lmssync.export.UdmColumn.datetime;
import static org.lmssync.export.UdmColumn.id;
import static org.lmssync.export.UdmColumn.text;

import java.util.List;

/**
 * The UDM entities lms-sync writes, with their folder and their columns in the canonical order of
 * the Ed-Fi samples (the loader matches columns by name, so the order is ours to choose).
 */
public enum UdmEntity {
    USERS("users", Scope.ROOT, List.of(id("SourceSystemIdentifier", true), text("SourceSystem", true, 255),
            text("UserRole", true, 60), text("LocalUserIdentifier", false, 255), text("SISUserIdentifier", false, 255),
            text("Name", true, 255), text("EmailAddress", true, 255), datetime("CreateDate", true),
            datetime("LastModifiedDate", true), datetime("SourceCreateDate", false), datetime("SourceLastModifiedDate", false))),
    SECTIONS("sections", Scope.ROOT, List.of(id("SourceSystemIdentifier", true), text("SourceSystem", true, 255),
            text("SISSectionIdentifier", false, 255), text("Title", true, 255), text("SectionDescription", false, 1024),
            text("Term", false, 60), text("LMSSectionStatus", false, 60), datetime("CreateDate", true),
            datetime("LastModifiedDate", true), datetime("SourceCreateDate", false), datetime("SourceLastModifiedDate", false))),
    SECTION_ASSOCIATIONS("section-associations", Scope.SECTION, List.of(id("SourceSystemIdentifier", true),
            text("SourceSystem", true, 255), text("EnrollmentStatus", true, 60), id("LMSUserSourceSystemIdentifier", true),
            id("LMSSectionSourceSystemIdentifier", true), datetime("CreateDate", true), datetime("LastModifiedDate", true),
            datetime("SourceCreateDate", false), datetime("SourceLastModifiedDate", false))),
    ASSIGNMENTS("assignments", Scope.SECTION, List.of(id("SourceSystemIdentifier", true), text("SourceSystem", true, 255),
            text("Title", true, 255), text("AssignmentCategory", true, 60), text("AssignmentDescription", false, 1024),
            datetime("StartDateTime", false), datetime("EndDateTime", false), datetime("DueDateTime", false),
            text("SubmissionType", false, 0), new UdmColumn("MaxPoints", false, 0, UdmColumn.Kind.INTEGER),
            id("LMSSectionSourceSystemIdentifier", true), datetime("CreateDate", true), datetime("LastModifiedDate", true),
            datetime("SourceCreateDate", false), datetime("SourceLastModifiedDate", false))),
    SUBMISSIONS("submissions", Scope.ASSIGNMENT, List.of(id("SourceSystemIdentifier", true), text("SourceSystem", true, 255),
            text("SubmissionStatus", false, 255), datetime("SubmissionDateTime", false),
            new UdmColumn("EarnedPoints", false, 0, UdmColumn.Kind.INTEGER), text("Grade", false, 20),
            id("AssignmentSourceSystemIdentifier", true), id("LMSUserSourceSystemIdentifier", true),
            datetime("CreateDate", true), datetime("LastModifiedDate", true), datetime("SourceCreateDate", false),
            datetime("SourceLastModifiedDate", false))),
    SECTION_ACTIVITIES("section-activities", Scope.SECTION, List.of(id("SourceSystemIdentifier", true),
            text("SourceSystem", true, 255), text("ActivityType", true, 60), datetime("ActivityDateTime", true),
            text("ActivityStatus", true, 60), id("ParentSourceSystemIdentifier", false),
            new UdmColumn("ActivityTimeInMinutes", false, 0, UdmColumn.Kind.INTEGER), id("LMSSectionSourceSystemIdentifier", true),
            id("LMSUserSourceSystemIdentifier", true), datetime("CreateDate", true), datetime("LastModifiedDate", true),
            datetime("SourceCreateDate", false), datetime("SourceLastModifiedDate", false))),
    SYSTEM_ACTIVITIES("system-activities", Scope.DATE, List.of(id("LMSUserSourceSystemIdentifier", true),
            datetime("ActivityDateTime", true), text("SourceSystem", true, 255), id("SourceSystemIdentifier", true),
            text("ActivityType", true, 60), text("ActivityStatus", true, 60), id("ParentSourceSystemIdentifier", false),
            new UdmColumn("ActivityTimeInMinutes", false, 0, UdmColumn.Kind.INTEGER), datetime("CreateDate", true),
            datetime("LastModifiedDate", true), datetime("SourceCreateDate", false), datetime("SourceLastModifiedDate", false))),
    ATTENDANCE_EVENTS("attendance-events", Scope.SECTION, List.of(id("SourceSystemIdentifier", true),
            text("SourceSystem", true, 255), new UdmColumn("EventDate", true, 0, UdmColumn.Kind.DATE),
            text("AttendanceStatus", true, 60), id("LMSSectionSourceSystemIdentifier", true),
            id("LMSUserSourceSystemIdentifier", true), datetime("CreateDate", true), datetime("LastModifiedDate", true),
            datetime("SourceCreateDate", false), datetime("SourceLastModifiedDate", false)));

    /** Where an entity's files go. */
    public enum Scope {
        /** {@code <entity>/} */
        ROOT,
        /** {@code section=<id>/<entity>/} */
        SECTION,
        /** {@code section=<id>/assignment=<id>/<entity>/} */
        ASSIGNMENT,
        /** {@code <entity>/date=<run date>/} */
        DATE
    }

    private final String folder;
    private final Scope scope;
    private final List<UdmColumn> columns;
    private final List<String> header;
    private final java.util.Set<String> names;

    UdmEntity(String folder, Scope scope, List<UdmColumn> columns) {
        this.folder = folder;
        this.scope = scope;
        this.columns = columns;
        this.header = columns.stream().map(UdmColumn::name).toList();
        this.names = java.util.Set.copyOf(header);
    }

    public String folder() {
        return folder;
    }

    public Scope scope() {
        return scope;
    }

    public List<UdmColumn> columns() {
        return columns;
    }

    public List<String> header() {
        return header;
    }

    /** Whether the entity has a column of this name. */
    public boolean has(String column) {
        return names.contains(column);
    }
}
