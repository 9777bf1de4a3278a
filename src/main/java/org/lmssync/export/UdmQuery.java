package org.lmssync.export;

import java.util.List;

/**
 * One entity's rows from the sync DB: a SELECT ordered by its folder keys ({@code folder_section},
 * {@code folder_assignment}), and the pure mapping of each result row to UDM rows. A result row
 * whose {@code json} is NULL names a folder with nothing in it (from a LEFT JOIN). A query with an
 * {@code optionalTable} (a resource that is off by default) is skipped when the sync DB lacks it.
 */
public record UdmQuery(UdmEntity entity, String sql, Mapper mapper, String optionalTable) {

    public UdmQuery(UdmEntity entity, String sql, Mapper mapper) {
        this(entity, sql, mapper, null);
    }

    /** Maps one synced record to its UDM rows (none, one, or several). */
    @FunctionalInterface
    public interface Mapper {
        List<UdmRow> map(SourceRow row);
    }
}
