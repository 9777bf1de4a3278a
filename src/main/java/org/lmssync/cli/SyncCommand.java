package org.lmssync.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.lmssync.LmsSync;
import org.lmssync.config.ConfigException;
import org.lmssync.config.EngineConfig;
import org.lmssync.config.Settings;
import org.lmssync.engine.run.RunResult;
import org.lmssync.engine.run.SyncRunner;
import org.lmssync.engine.spi.LmsRegistry;
import org.lmssync.store.DataSources;
import org.lmssync.store.SqliteDataSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code once} and {@code run}: the CLI as the first user of {@link LmsSync}. It takes the lock
 * file beside the SQLite DB, makes the DataSource, boots camel-main with lms-sync installed, then
 * either syncs each active LMS once (printing the summary) or lets quartz do it; it owns the JVM's
 * shutdown hooks and exit codes, the engine owns neither.
 */
final class SyncCommand {
    private static final Logger LOG = LoggerFactory.getLogger(SyncCommand.class);
    private static final long STOP_GRACE_SECONDS = 60;
    /** How often a plain (not a terminal) progress line is printed per resource in progress. */
    private static final long PLAIN_PROGRESS_SECONDS = 30;

    private final Settings settings;
    private final String command;
    private final List<String> only;
    private final PrintStream out;
    private final PrintStream progressOut;
    private final boolean terminal;

    /** @param progressOut where the progress lines go (null: none); {@code terminal}: redrawn in place */
    SyncCommand(Settings settings, String command, List<String> only, PrintStream out, PrintStream progressOut,
                boolean terminal) {
        this.progressOut = progressOut;
        this.terminal = terminal;
        this.settings = settings;
        this.command = command;
        this.only = only;
        this.out = out;
    }

    int run() throws DbLockFile.Busy {
        String url = DataSources.checkedUrl(settings);
        // the keys are checked before the lock file or the DB is touched (the routes are checked at start)
        EngineConfig.from(settings);
        LmsRegistry.load(settings, only);
        // a SQLite file is one process's; PostgreSQL runs of one LMS exclude each other by a lease row
        try (DbLockFile lock = SqliteDataSources.isSqlite(url) ? DbLockFile.take(SqliteDataSources.file(url)) : null;
             Progress progress = progressOut == null ? null : new Progress(progressOut, terminal, PLAIN_PROGRESS_SECONDS)) {
            javax.sql.DataSource dataSource = DataSources.create(settings);
            LmsSync.Builder builder = LmsSync.builder().settings(settings.asMap()).command(command).only(only)
                    .scheduled(command.equals("run")).dataSource(dataSource);
            if (progress != null) {
                builder.observer(progress);
            }
            LmsSync sync = builder.build();
            Main main = new Main();
            main.configure().addRoutesBuilder(sync);
            main.setOverrideProperties(camelProperties());
            try {
                main.start();
            } catch (ConfigException e) {
                throw e;
            } catch (Exception e) {
                ConfigException cause = find(e);
                if (cause != null) {
                    throw cause;
                }
                throw new ConfigException("routes", "the routes could not start: " + rootMessage(e));
            }
            try {
                return command.equals("run") ? runScheduled(main, sync) : once(main, sync);
            } finally {
                if (sync.database() != null) {
                    sync.database().close();
                }
                DataSources.close(dataSource);
            }
        }
    }


    private int once(Main main, LmsSync sync) {
        CountDownLatch done = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stopRequested = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopRequested.set(true);
            sync.stop();
            try {
                done.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "lms-sync-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<RunResult> runs = new ArrayList<>();
        boolean stopped = false;
        boolean busy = false;
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            for (String lms : sync.activeLmss()) {
                RunResult r = template.requestBodyAndHeader(LmsSync.ENDPOINT, null, SyncRunner.LMS_HEADER, lms, RunResult.class);
                if (r.status().equals("skipped")) {
                    if (stopRequested.get()) {
                        stopped = true;
                        break;
                    }
                    // another process holds the LMS's lease (PostgreSQL): it was not synced, and that is a failure
                    busy = true;
                    continue;
                }
                runs.add(r);
                stopped |= r.status().equals("interrupted");
            }
        } catch (RuntimeException e) {
            LOG.error("the run failed: {}", rootMessage(e));
            return App.FAILED;
        } finally {
            main.stop();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyStopping) {
                // the JVM is shutting down: the hook is running and sees the latch released
            }
        }
        out.print(RunReport.forRuns(sync.database(), runs.stream().map(RunResult::runId).toList()));
        boolean failed = busy || runs.size() < sync.activeLmss().size() && !stopped
                || runs.stream().anyMatch(r -> r.failed() || r.total("errors") > 0);
        return failed ? App.FAILED : App.OK;
    }

    private int runScheduled(Main main, LmsSync sync) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sync.stop();
            main.stop();
            stopped.countDown();
            // A stop request that ended cleanly is a clean stop: exit 0, not the signal's 143.
            Runtime.getRuntime().halt(App.OK);
        }, "lms-sync-stop"));
        LOG.info("lms-sync is running; each enabled LMS syncs on its schedule. Ctrl-C stops after the page in flight.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return App.OK;
    }

    /**
     * The CLI is its own host: every key of the user's file is a Camel property (camel.main.* for
     * camel-main, any other for placeholders in the user's own YAML); lms-sync reads lms.* itself.
     */
    private Properties camelProperties() {
        Properties p = new Properties();
        p.putAll(settings.asMap());
        p.putIfAbsent("camel.main.name", "lms-sync");
        // lms-sync loads its own YAML; scanning the shaded jar for routes costs seconds of start-up
        p.put("camel.main.routes-collector-enabled", "false");
        if ("true".equalsIgnoreCase(p.getProperty("camel.management.enabled", "").trim())) {
            // the endpoint's /observe/metrics: camel-main creates the Prometheus registry lms-sync's meters go to
            p.putIfAbsent("camel.metrics.enabled", "true");
        }
        if (!command.equals("run")) {
            p.put("camel.component.quartz.auto-start-scheduler", "false");
            // ...so it runs no job, and stopping it need not wait for its idle workers
            p.put("camel.component.quartz.interrupt-jobs-on-shutdown", "true");
        }
        return p;
    }

    private static ConfigException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConfigException ce) {
                return ce;
            }
        }
        return null;
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getClass().getSimpleName() + ": " + r.getMessage();
    }
}
