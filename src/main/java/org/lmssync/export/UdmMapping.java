package org.lmssync.export;

import java.util.List;

/** One LMS's mapping from its synced tables to UDM rows: pure, no I/O. */
public interface UdmMapping {

    /** {@code canvas}, {@code google}, {@code schoology}: the tables' prefix and the tree's folder. */
    String lms();

    /** The UDM {@code SourceSystem}: {@code Canvas}, {@code Google}, {@code Schoology}. */
    String sourceSystem();

    /** The synced tables the queries read; the export needs all of them. */
    List<String> tables();

    /**
     * The queries in the order their files are written: section folders first, then users, then
     * sections last, so that a loader running meanwhile sees a new sections file (which decides
     * the folders it scans) only once the folders it names are complete.
     */
    List<UdmQuery> queries();

    /** The mappings lms-sync has, by LMS name. */
    static List<UdmMapping> all() {
        return List.of(new GoogleUdm(), new SchoologyUdm(), new CanvasUdm());
    }

    static UdmMapping of(String lms) {
        return all().stream().filter(m -> m.lms().equals(lms)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no UDM export for '" + lms + "' (known: google, schoology, canvas)"));
    }
}
