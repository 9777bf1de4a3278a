package org.lmssync.export;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one export of one LMS wrote.
 *
 * @param rows       rows written per entity
 * @param files      files written (a folder with nothing to say counts, with its 1-byte file)
 * @param duplicates rows left out because their SourceSystemIdentifier was already written
 * @param refused    rows left out because the loader would refuse them (a NOT NULL value missing)
 */
public record ExportResult(String lms, Path root, String stamp, Map<UdmEntity, Long> rows, int files, long duplicates,
                           long refused, long millis) {

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
