package org.lmssync;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.lmssync.config.ConfigException;
import org.lmssync.config.EngineConfig;
import org.lmssync.config.Settings;
import org.lmssync.engine.HttpRetry;
import org.lmssync.engine.LmsRegistry;
import org.lmssync.engine.LmsRun;
import org.lmssync.engine.PageAssembler;
import org.lmssync.engine.PageReader;
import org.lmssync.engine.PageRequest;
import org.lmssync.engine.PageWriter;
import org.lmssync.engine.RecordProcessor;
import org.lmssync.engine.Redactor;
import org.lmssync.engine.ResourceCatalog;
import org.lmssync.engine.ResourceDefinition;
import org.lmssync.engine.ResourceSync;
import org.lmssync.engine.StopSignal;
import org.lmssync.engine.Strategy;
import org.lmssync.engine.SyncRunner;
import org.lmssync.routes.EngineRoutes;
import org.lmssync.store.SyncDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code once} and {@code run}: validates the configuration, boots camel-main with the engine's
 * beans and the YAML routes, then either syncs each active LMS once or lets quartz do it.
 */
final class SyncCommand {
    private static final Logger LOG = LoggerFactory.getLogger(SyncCommand.class);
    private static final long STOP_GRACE_SECONDS = 60;
    /**
     * The YAML the jar carries, named rather than found by a wildcard: a wildcard makes Camel scan
     * every entry of the shaded jar, twice, which cost seconds of start-up.
     */
    static final List<String> ENGINE_ROUTES = List.of("lms-sync-errors.camel.yaml", "lms-sync-resource.camel.yaml");
    /** Per LMS, its packaged routes file: only the active LMSs' routes are built. */
    static final Map<String, String> PACKAGED_ROUTES = Map.of("google", "google-classroom.yaml", "schoology", "schoology.yaml",
            "canvas", "canvas.yaml");

    private final Settings settings;
    private final String command;
    private final List<String> only;
    private final PrintStream out;
    private final StopSignal stop = new StopSignal();

    SyncCommand(Settings settings, String command, List<String> only, PrintStream out) {
        this.settings = settings;
        this.command = command;
        this.only = only;
        this.out = out;
    }

    int run() throws SyncDatabase.Busy {
        EngineConfig config = EngineConfig.from(settings);
        LmsRegistry registry = LmsRegistry.load(settings, only);
        List<String> active = registry.all().stream().filter(l -> l.config().enabled()).map(LmsRegistry.Lms::name).toList();
        if (active.isEmpty()) {
            throw new ConfigException("lms.<lms>.enabled", "no LMS is enabled: set lms.google.enabled, lms.schoology.enabled"
                    + " or lms.canvas.enabled to true, or name one with --lms");
        }
        ResourceCatalog catalog = new ResourceCatalog();
        Redactor redactor = new Redactor();
        registry.all().stream().filter(l -> l.config().enabled()).forEach(l -> l.adapter().secrets().forEach(redactor::add));
        Map<String, List<String>> selected = selectedResources(registry);
        SyncDatabase db = new SyncDatabase(config.dbUrl(), config.dbFile());
        SyncRunner runner = new SyncRunner(db, catalog, registry, command, selected);
        Main main = new Main();
        main.configure().addRoutesBuilder(new EngineRoutes());
        main.configure().addRoutesBuilder(new org.lmssync.export.ExportRoutes());
        main.setOverrideProperties(camelProperties(config, active));
        bindBeans(main, config, registry, catalog, db, runner, redactor);
        ConfigException[] badRoutes = new ConfigException[1];
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                try {
                    catalog.load(ResourceCatalog.fromRoutes(m.getCamelContext(), java.util.Set.copyOf(active)));
                    checkResources(catalog, active, selected, config);
                } catch (IllegalArgumentException e) {
                    badRoutes[0] = new ConfigException("routes", e.getMessage());
                } catch (ConfigException e) {
                    badRoutes[0] = e;
                }
                if (badRoutes[0] != null) {
                    throw badRoutes[0];
                }
                configureHttp(m.getCamelContext(), config);
            }
        });
        db.lockForWriting();
        try {
            return startAndSync(main, runner, active, db, config, badRoutes);
        } finally {
            db.close();
        }
    }

    private int startAndSync(Main main, SyncRunner runner, List<String> active, SyncDatabase db, EngineConfig config,
                             ConfigException[] badRoutes) {
        try {
            db.open();
        } catch (SQLException e) {
            throw new ConfigException("lms.db.url", "cannot open the sync DB " + config.dbFile() + ": " + e.getMessage());
        }
        try {
            main.start();
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            if (badRoutes[0] != null) {
                throw badRoutes[0];
            }
            ConfigException cause = find(e);
            if (cause != null) {
                throw cause;
            }
            throw new ConfigException("routes", "the routes could not start: " + rootMessage(e));
        }
        return command.equals("run") ? runScheduled(main) : once(main, runner, active, db);
    }

    private int once(Main main, SyncRunner runner, List<String> active, SyncDatabase db) {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.stop();
            try {
                done.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "lms-sync-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<LmsRun> runs = new ArrayList<>();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            for (String lms : active) {
                if (stop.isStopping()) {
                    break;
                }
                template.sendBodyAndHeader("direct:lms-sync", null, SyncRunner.LMS_HEADER, lms);
                LmsRun run = runner.lastRun(lms);
                if (run != null) {
                    runs.add(run);
                }
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
        out.print(RunReport.forRuns(db, runs.stream().map(LmsRun::runId).toList()));
        boolean failed = runs.size() < active.size() && !stop.isStopping()
                || runs.stream().anyMatch(r -> r.status().equals("failed"));
        return failed ? App.FAILED : App.OK;
    }

    private int runScheduled(Main main) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.stop();
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

    private Properties camelProperties(EngineConfig config, List<String> active) {
        Properties p = new Properties();
        p.putAll(settings.asMap());
        p.putIfAbsent("camel.main.name", "lms-sync");
        Path routes = Path.of(config.routesDir());
        // A routes/ folder next to the working directory replaces the packaged routes without a rebuild.
        String userRoutes = Files.isDirectory(routes) ? "file:" + routes.toAbsolutePath() + "/*.yaml"
                : String.join(",", active.stream().map(PACKAGED_ROUTES::get).filter(java.util.Objects::nonNull)
                        .map(f -> "classpath:routes/" + f).toList());
        p.put("camel.main.routes-include-pattern", String.join(",", ENGINE_ROUTES.stream().map(f -> "classpath:camel/" + f).toList())
                + "," + userRoutes);
        if (!command.equals("run")) {
            p.put("camel.component.quartz.auto-start-scheduler", "false");
        }
        return p;
    }

    private void bindBeans(Main main, EngineConfig config, LmsRegistry registry, ResourceCatalog catalog, SyncDatabase db,
                           SyncRunner runner, Redactor redactor) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        main.bind("syncRunner", runner);
        main.bind("resourceSync", new ResourceSync(db, catalog, registry, config, stop, today(), redactor));
        main.bind("pageRequest", new PageRequest(stop));
        main.bind("pageReader", new PageReader(mapper));
        main.bind("recordProcessor", new RecordProcessor());
        main.bind("pageAssembler", new PageAssembler());
        main.bind("pageWriter", new PageWriter(db, catalog, config.deleteGuardPercent()));
        main.bind("httpRetry", new HttpRetry(config, stop, new Random(), redactor));
    }

    private static java.util.function.Supplier<java.time.LocalDate> today() {
        return () -> java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    }

    private static void configureHttp(CamelContext context, EngineConfig config) {
        HttpComponent http = context.getComponent("http", HttpComponent.class);
        // Camel's redelivery owns retries; the client's own retry would hide 429s and wait uncapped.
        http.setAutomaticRetriesDisabled(true);
        long timeout = TimeUnit.SECONDS.toMillis(config.timeoutSeconds());
        http.setConnectTimeout(timeout);
        http.setConnectionRequestTimeout(timeout);
        http.setResponseTimeout(timeout);
        http.setSoTimeout(timeout);
        http.setCookieManagementDisabled(true);
    }

    private Map<String, List<String>> selectedResources(LmsRegistry registry) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (LmsRegistry.Lms l : registry.all()) {
            settings.find("lms." + l.name() + ".resources")
                    .ifPresent(v -> out.put(l.name(), List.of(v.split("\\s*,\\s*"))));
        }
        return out;
    }

    private static void checkResources(ResourceCatalog catalog, List<String> active, Map<String, List<String>> selected,
                                       EngineConfig config) {
        for (String lms : active) {
            List<String> known = catalog.inOrder(lms).stream().map(ResourceDefinition::name).toList();
            if (known.isEmpty()) {
                throw new ConfigException("lms." + lms + ".enabled", "no resources of " + lms + " are declared in the routes");
            }
            for (String name : selected.getOrDefault(lms, List.of())) {
                if (!known.contains(name)) {
                    throw new ConfigException("lms." + lms + ".resources", "unknown resource '" + name + "' (known: "
                            + String.join(", ", known) + ")");
                }
            }
            for (ResourceDefinition d : catalog.inOrder(lms)) {
                List<String> only = selected.get(lms);
                if ((only == null || only.contains(d.name())) && d.strategy() == Strategy.BY_DATE && config.schoolYearStart().isEmpty()) {
                    throw new ConfigException("lms.school-year-start", "is required for the date-fetched resource " + d.key());
                }
            }
        }
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
