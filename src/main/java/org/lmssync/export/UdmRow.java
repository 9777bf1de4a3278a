package org.lmssync.export;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One UDM record, by column name. {@code LastModifiedDate} is the date the sync DB gives; the
 * exporter may move it later (a returning record) before writing.
 */
public record UdmRow(UdmEntity entity, Map<String, String> values) {

    public UdmRow {
        for (String k : values.keySet()) {
            if (!entity.has(k)) {
                throw new IllegalArgumentException(entity + " has no column " + k);
            }
        }
    }

    public String ssi() {
        return values.getOrDefault("SourceSystemIdentifier", "");
    }

    public String get(String column) {
        return values.getOrDefault(column, "");
    }

    /** A builder: {@code UdmRow.of(USERS).put("Name", n)…build()}. */
    public static Builder of(UdmEntity entity) {
        return new Builder(entity);
    }

    /** Collects the values of one row. */
    public static final class Builder {
        private final UdmEntity entity;
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder(UdmEntity entity) {
            this.entity = entity;
        }

        public Builder put(String column, String value) {
            values.put(column, value == null ? "" : value);
            return this;
        }

        public UdmRow build() {
            return new UdmRow(entity, values);
        }
    }
}
