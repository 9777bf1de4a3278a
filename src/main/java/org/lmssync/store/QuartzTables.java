package org.lmssync.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Quartz's JDBC job store tables in the PostgreSQL sync DB, made from the DDL that Quartz ships
 * for PostgreSQL ({@code tables_postgres.sql} in the quartz jar), once: under the DDL lock, so
 * that two nodes starting together do not both make them, and never with the script's DROPs.
 */
public final class QuartzTables {
    private static final String SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    private QuartzTables() {
    }

    /** Creates the tables unless {@code qrtz_locks} exists; inside the caller's transaction. */
    public static void create(Connection c) throws SQLException {
        Dialect dialect = Dialect.of(c);
        if (dialect != Dialect.POSTGRESQL) {
            throw new SQLException("a clustered schedule needs a PostgreSQL sync DB (Quartz ships no SQLite DDL)");
        }
        dialect.lockForDdl(c);
        if (exists(c)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            for (String statement : script().split(";")) {
                String sql = withoutComments(statement).trim();
                String upper = sql.toUpperCase(Locale.ROOT);
                if (!sql.isEmpty() && !upper.startsWith("DROP ") && !upper.equals("COMMIT")) {
                    st.execute(sql);
                }
            }
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, c.getSchema(), "qrtz_locks", new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static String script() throws SQLException {
        try (InputStream in = QuartzTables.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new SQLException("the quartz jar lacks " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read " + SCRIPT + ": " + e.getMessage(), e);
        }
    }

    private static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
