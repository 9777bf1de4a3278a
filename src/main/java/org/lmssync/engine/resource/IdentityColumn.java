package org.lmssync.engine.resource;

import java.util.ArrayList;
import java.util.List;
import org.lmssync.store.Schema;

/** One identity column of a resource table and where its value comes from. */
public record IdentityColumn(String column, ValueSource source) {

    /** Parses {@code course_id=@parent.id, user_id=userId}; a bare {@code id} reads the field of that name. */
    public static List<IdentityColumn> parseList(String spec) {
        List<IdentityColumn> columns = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String column = eq < 0 ? p : p.substring(0, eq).trim();
            String source = eq < 0 ? p : p.substring(eq + 1).trim();
            columns.add(checked(Schema.identifier("identity column", column), ValueSource.parse(source)));
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("identity must name at least one column");
        }
        return List.copyOf(columns);
    }

    /** A well-formed name may still be taken: by SQLite, or by a standard column the engine fills itself. */
    private static IdentityColumn checked(String column, ValueSource source) {
        if (org.lmssync.store.Dialect.ROW_ID_NAMES.contains(column)) {
            throw new IllegalArgumentException("identity column '" + column + "' is the sync DB's own row id; use another name");
        }
        // as_of_date=@date is the one standard column an identity may use: the engine writes the request date there anyway
        if (Schema.STANDARD_COLUMNS.contains(column) && !(column.equals("as_of_date") && source instanceof ValueSource.RequestDate)) {
            throw new IllegalArgumentException("identity column '" + column + "' is a standard column of every resource table"
                    + " (only as_of_date=@date may be one); use another name");
        }
        return new IdentityColumn(column, source);
    }
}
