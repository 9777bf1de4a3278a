package org.lmssync.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.lmssync.config.ConfigException;
import org.lmssync.config.Settings;

/**
 * The sync DB named by {@code lms.db.url}: a SQLite file, or a PostgreSQL database through a
 * HikariCP pool ({@code lms.db.user}, {@code lms.db.password}). Who creates one closes it with
 * {@link #close}.
 */
public final class DataSources {
    private static final String POSTGRES = "jdbc:postgresql:";
    /**
     * The writer, readers (status, health), a session per LMS running (its lease's lock) and
     * Quartz's clustered store (its check-in and trigger acquisition).
     */
    private static final int POOL_SIZE = 10;

    private DataSources() {
    }

    public static boolean isPostgres(String url) {
        return url != null && url.startsWith(POSTGRES) && url.length() > POSTGRES.length();
    }

    /** Fails, naming {@code lms.db.url}, unless it is a SQLite or PostgreSQL JDBC URL. */
    public static String checkedUrl(Settings settings) {
        String url = settings.require("lms.db.url");
        if (!SqliteDataSources.isSqlite(url) && !isPostgres(url)) {
            // the URL is not shown: a PostgreSQL URL may carry a password
            throw new ConfigException("lms.db.url", "must be a SQLite JDBC URL such as jdbc:sqlite:data/lms-sync.db"
                    + " or a PostgreSQL one such as jdbc:postgresql://db-host/lms_sync");
        }
        return url;
    }

    /** A DataSource on {@code lms.db.url}; a SQLite file's folder is created first. */
    public static DataSource create(Settings settings) {
        String url = checkedUrl(settings);
        if (isPostgres(url)) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            settings.find("lms.db.user").filter(s -> !s.isBlank()).ifPresent(config::setUsername);
            settings.find("lms.db.password").filter(s -> !s.isBlank()).ifPresent(config::setPassword);
            config.setMaximumPoolSize(POOL_SIZE);
            config.setPoolName("lms-sync-db");
            // the pool connects at first use, where a refused login becomes one clear message
            config.setInitializationFailTimeout(-1);
            return new HikariDataSource(config);
        }
        try {
            return SqliteDataSources.create(url);
        } catch (IOException e) {
            throw new ConfigException("lms.db.url", "cannot create the folder of " + SqliteDataSources.file(url) + ": "
                    + e.getMessage());
        }
    }

    /** Closes a pool made by {@link #create}; a SQLite DataSource holds nothing open. */
    public static void close(DataSource ds) {
        if (ds instanceof HikariDataSource pool) {
            pool.close();
        }
    }
}
