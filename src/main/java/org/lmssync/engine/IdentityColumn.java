package org.lmssync.engine;

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
            columns.add(new IdentityColumn(Schema.identifier("identity column", column), ValueSource.parse(source)));
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("identity must name at least one column");
        }
        return List.copyOf(columns);
    }
}
