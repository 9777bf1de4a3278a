package org.lmssync.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One row of an export query: the synced record's JSON and the named columns the query selected
 * ({@code create_date}, {@code last_modified_date}, folder keys, joined values).
 */
public record SourceRow(JsonNode json, Map<String, String> columns) {

    public String col(String name) {
        String v = columns.get(name);
        return v == null ? "" : v;
    }

    /** The sync DB's {@code create_date} as a UDM date. */
    public String createDate() {
        return UdmValues.utc(col("create_date"));
    }

    /** The sync DB's {@code last_modified_date} as a UDM date. */
    public String lastModifiedDate() {
        return UdmValues.utc(col("last_modified_date"));
    }
}
