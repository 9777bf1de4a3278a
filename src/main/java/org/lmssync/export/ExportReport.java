package org.lmssync.export;

/** The lines {@code export} prints for one LMS: where, when, rows per entity. */
final class ExportReport {
    private ExportReport() {
    }

    static String of(ExportResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s: %d rows in %d files under %s (file name %s.csv, %.2f s)%n", r.lms(), r.totalRows(),
                r.files(), r.root(), r.stamp(), r.millis() / 1000.0));
        for (UdmEntity e : UdmEntity.values()) {
            Long n = r.rows().get(e);
            if (n != null) {
                sb.append(String.format("  %-22s %8d%n", e.folder(), n));
            }
        }
        if (r.duplicates() + r.refused() > 0) {
            sb.append(String.format("  left out: %d duplicate ids, %d rows the loader would refuse (see the log)%n",
                    r.duplicates(), r.refused()));
        }
        return sb.toString();
    }
}
