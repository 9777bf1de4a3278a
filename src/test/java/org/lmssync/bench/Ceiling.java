package org.lmssync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.lmssync.engine.page.CanonicalHash;
import org.lmssync.store.Schema;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The ceiling: the least work that yields the same rows. A plain HttpClient loop follows the Link
 * header; each page is parsed with Jackson, each record re-serialised and hashed (the project's
 * canonical hash), and the page's rows go in by one JDBC batch and one transaction into the same
 * table (same DDL and indexes) in the same kind of DB as the sync's: on SQLite with the app's
 * WAL/NORMAL settings, on PostgreSQL one plain driver connection with the app's URL and login
 * (the app's pool adds nothing to one writer; neither sets driver options such as batch rewriting).
 * It runs in a fresh JVM with the same heap limit as the sync ({@link #main}), so neither side
 * starts with compiled code.
 */
public final class Ceiling {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "testlms_submissions";

    private Ceiling() {
    }

    /** Prefix of the line {@link #main} prints: rows stored and seconds from first request to last commit. */
    static final String RESULT = "CEILING ";

    /**
     * {@code Ceiling <first page URL> <db properties file>}: the file holds the app's {@code lms.db.*}
     * keys (a file, so a PostgreSQL password is not on the command line); prints {@code CEILING <rows> <seconds>}.
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Properties db = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[1]))) {
            db.load(in);
        }
        long rows = run(args[0], db);
        System.out.println(RESULT + rows + " " + (System.nanoTime() - t0) / 1e9);
    }

    /** Reads what {@link #main} printed: {rows, seconds}. */
    static double[] result(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith(RESULT)) {
                String[] f = line.substring(RESULT.length()).trim().split(" ");
                return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
            }
        }
        throw new IllegalStateException("the ceiling printed no result: " + output);
    }

    /** A connection to the DB the {@code lms.db.*} keys name, with the settings the app's own has. */
    private static Connection connect(Properties db) throws SQLException {
        String url = db.getProperty("lms.db.url");
        if (url.startsWith("jdbc:sqlite:")) {
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
            cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            SQLiteDataSource ds = new SQLiteDataSource(cfg);
            ds.setUrl(url);
            return ds.getConnection();
        }
        return DriverManager.getConnection(url, db.getProperty("lms.db.user"), db.getProperty("lms.db.password"));
    }

    /** Fetches and stores the whole listing; returns the number of rows written. */
    static long run(String firstUrl, Properties db) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long rows = 0;
        try (Connection c = connect(db)) {
            Schema.createResourceTable(c, TABLE, List.of("id"));
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + TABLE + " (id, scope, json, json_hash, create_date,"
                    + " last_modified_date, source_last_modified_date, import_date, run_id) VALUES (?,?,?,?,?,?,?,?,1)")) {
                String url = firstUrl;
                while (url != null) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer bench").GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("ceiling: " + r.statusCode() + " from " + url);
                    }
                    String now = Instant.now().toString();
                    for (JsonNode rec : JSON.readTree(r.body())) {
                        ins.setString(1, rec.get("id").asText());
                        ins.setString(2, "");
                        ins.setString(3, JSON.writeValueAsString(rec));
                        ins.setString(4, CanonicalHash.of(rec));
                        ins.setString(5, now);
                        ins.setString(6, now);
                        ins.setString(7, rec.path("graded_at").asText(null));
                        ins.setString(8, now);
                        ins.addBatch();
                        rows++;
                    }
                    ins.executeBatch();
                    c.commit();
                    url = r.headers().firstValue("Link").map(Ceiling::next).orElse(null);
                }
            }
        }
        return rows;
    }

    /** The rel="next" target of a Link header, or null. */
    private static String next(String header) {
        for (String part : header.split(",")) {
            if (part.contains("rel=\"next\"")) {
                return part.substring(part.indexOf('<') + 1, part.indexOf('>'));
            }
        }
        return null;
    }
}
