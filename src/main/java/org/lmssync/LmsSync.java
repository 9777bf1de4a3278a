package org.lmssync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.StartupListener;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.model.Model;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.lmssync.config.ConfigException;
import org.lmssync.config.EngineConfig;
import org.lmssync.config.Settings;
import org.lmssync.engine.run.HttpRetry;
import org.lmssync.engine.spi.LmsAdapter;
import org.lmssync.engine.spi.LmsRegistry;
import org.lmssync.engine.page.PageAssembler;
import org.lmssync.engine.page.PageReader;
import org.lmssync.engine.page.PageRequest;
import org.lmssync.engine.page.PageWriter;
import org.lmssync.engine.page.RecordProcessor;
import org.lmssync.engine.http.Redactor;
import org.lmssync.engine.run.RunObserver;
import org.lmssync.observe.LmsReadinessCheck;
import org.lmssync.observe.Schedules;
import org.lmssync.observe.SyncHistory;
import org.lmssync.observe.SyncHealth;
import org.lmssync.observe.SyncMetrics;
import org.lmssync.engine.resource.ResourceCatalog;
import org.lmssync.engine.run.ResourceSync;
import org.lmssync.engine.run.SyncRunner;
import org.lmssync.routes.EngineRoutes;
import org.lmssync.config.ClusterConfig;
import org.lmssync.engine.run.RunLease;
import org.lmssync.schedule.ScheduleComponent;
import org.lmssync.store.DataSources;
import org.lmssync.store.Dialect;
import org.lmssync.store.QuartzTables;
import org.lmssync.store.SyncDatabase;

/**
 * The one entry point: installs lms-sync into a {@link CamelContext} as a {@link RoutesBuilder}.
 * It takes its settings and its DataSource from the caller (never from the classpath, the
 * environment or system properties), brings its own HTTP component ({@value #HTTP_COMPONENT}) so
 * the host's {@code http} is never touched, binds its beans under the {@value #BEAN_PREFIX}
 * prefix, and adds its routes: {@code direct:lms-sync} (the LMS name in, the run's
 * {@link org.lmssync.engine.run.RunResult} out), one route per declared resource, and per LMS a
 * quartz schedule route that starts only when {@link Builder#scheduled} is set.
 *
 * <pre>{@code
 * context.addRoutes(LmsSync.builder().settings(props).dataSource(ds).build());
 * RunResult r = producer.requestBodyAndHeader("direct:lms-sync", null, "lmsName", "canvas", RunResult.class);
 * }</pre>
 */
public final class LmsSync implements RoutesBuilder {
    /** The prefix of every bean lms-sync binds in the host's registry. */
    public static final String BEAN_PREFIX = "lmsSync";
    /** lms-sync's own HTTP component: the host's {@code http} keeps its own settings. */
    public static final String HTTP_COMPONENT = "lms-http";
    /** The endpoint that runs one LMS: header {@code lmsName} (or the body) names it. */
    public static final String ENDPOINT = "direct:lms-sync";
    private static final String ENGINE_DEFAULTS = "/org/lmssync/engine/defaults.properties";

    private final Map<String, String> given;
    private final DataSource dataSource;
    private volatile DataSource ownedDataSource;
    private final String command;
    private final List<String> only;
    private final boolean scheduled;
    private final RunObserver observer;
    private final MeterRegistry meterRegistry;
    private final SyncMetrics metrics = new SyncMetrics();
    private volatile SyncHealth health;
    private volatile SyncRunner runner;
    private volatile SyncDatabase db;
    private volatile List<String> active = List.of();

    private LmsSync(Builder b) {
        this.given = b.settings == null ? null : Map.copyOf(b.settings);
        this.dataSource = b.dataSource;
        this.command = b.command;
        this.only = List.copyOf(b.only);
        this.scheduled = b.scheduled;
        this.observer = b.observer;
        this.meterRegistry = b.meterRegistry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How lms-sync is installed. */
    public static final class Builder {
        private Map<String, String> settings;
        private DataSource dataSource;
        private String command = "embedded";
        private List<String> only = List.of();
        private boolean scheduled = true;
        private RunObserver observer = RunObserver.NONE;
        private MeterRegistry meterRegistry;

        private Builder() {
        }

        /**
         * The {@code lms.*} keys. Without this call they are listed from the host context's
         * properties (camel-main's properties files); a Spring Environment cannot be listed that
         * way, so a Spring Boot host passes them (see examples/spring-boot).
         */
        public Builder settings(Map<String, String> values) {
            this.settings = new LinkedHashMap<>(values);
            return this;
        }

        /** The same from {@link Properties} (only string entries are read). */
        public Builder settings(Properties values) {
            Map<String, String> m = new LinkedHashMap<>();
            values.stringPropertyNames().forEach(k -> m.put(k, values.getProperty(k)));
            return settings(m);
        }

        /**
         * The sync DB. Without it, the DataSource bean named by {@code lms.datasource} is used,
         * else a SQLite file at {@code lms.db.url}. lms-sync never closes it.
         */
        public Builder dataSource(DataSource ds) {
            this.dataSource = ds;
            return this;
        }

        /** What {@code sync_runs.command} records (the CLI passes {@code once} or {@code run}). */
        public Builder command(String name) {
            this.command = Objects.requireNonNull(name);
            return this;
        }

        /** The LMSs to activate whatever {@code lms.<lms>.enabled} says (the CLI's {@code --lms}). */
        public Builder only(Collection<String> lmss) {
            this.only = List.copyOf(lmss);
            return this;
        }

        /** Whether the quartz schedule routes start (default true); false leaves runs to the host. */
        public Builder scheduled(boolean on) {
            this.scheduled = on;
            return this;
        }

        /** Also told of every run, resource, listing and page commit (the CLI's progress line). */
        public Builder observer(RunObserver o) {
            this.observer = Objects.requireNonNull(o);
            return this;
        }

        /**
         * The registry lms-sync's meters go to. Without it, the host's {@link MeterRegistry} in the
         * Camel registry when the context starts; with none there, no meters are recorded.
         */
        public Builder meterRegistry(MeterRegistry r) {
            this.meterRegistry = r;
            return this;
        }

        public LmsSync build() {
            return new LmsSync(this);
        }
    }

    /**
     * The engine's and every connector's defaults: what applies when a key is not set. Public for
     * the CLI, which layers the user's file over them.
     */
    public static Map<String, String> defaults() {
        Map<String, String> out = new LinkedHashMap<>();
        readInto(out, LmsSync.class.getResourceAsStream(ENGINE_DEFAULTS), ENGINE_DEFAULTS);
        for (LmsAdapter a : ServiceLoader.load(LmsAdapter.class, LmsSync.class.getClassLoader())) {
            readInto(out, a.getClass().getResourceAsStream("defaults.properties"), a.name() + " defaults");
        }
        return out;
    }

    @Override
    public void addRoutesToCamelContext(CamelContext context) throws Exception {
        Settings settings = resolve(context);
        EngineConfig config = EngineConfig.from(settings);
        LmsRegistry registry = LmsRegistry.load(settings, only);
        active = registry.all().stream().filter(l -> l.config().enabled()).map(LmsRegistry.Lms::name).toList();
        if (active.isEmpty()) {
            throw new ConfigException("lms.<lms>.enabled", "no LMS is enabled: set lms.google.enabled, lms.schoology.enabled"
                    + " or lms.canvas.enabled to true, or name one with --lms");
        }
        Redactor redactor = new Redactor();
        registry.all().stream().filter(l -> l.config().enabled()).forEach(l -> l.adapter().secrets().forEach(redactor::add));
        settings.find("lms.db.password").ifPresent(redactor::add);
        Map<String, List<String>> selected = ResourceSelection.from(settings, registry);
        // the YAML's {{lms.*}} placeholders resolve from these settings; the host's own keys stay its own
        context.getPropertiesComponent().addPropertiesSource(new LmsProperties(settings));

        db = new SyncDatabase(dataSource(context, settings));
        try {
            db.open();
        } catch (SQLException e) {
            throw new ConfigException("lms.db.url", "cannot open the sync DB: " + e.getMessage());
        }
        ClusterConfig cluster = ClusterConfig.from(settings);
        if (cluster.enabled()) {
            if (db.dialect() != Dialect.POSTGRESQL) {
                throw new ConfigException("lms.cluster.enabled", "a cluster shares a PostgreSQL sync DB: set lms.db.url"
                        + " to a jdbc:postgresql: URL (or give lms-sync a PostgreSQL DataSource)");
            }
            try {
                db.write(QuartzTables::create);
            } catch (SQLException e) {
                throw new ConfigException("lms.cluster.enabled", "cannot create Quartz's tables in the sync DB: " + e.getMessage());
            }
        }
        RunLease lease = new RunLease(db, cluster.nodeId() + "/" + ProcessHandle.current().pid(), cluster.leaseSeconds(),
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "lms-sync-lease"));
        ResourceCatalog catalog = new ResourceCatalog();
        Map<String, Map<String, Long>> history = SyncHistory.lastSuccess(db);
        health = new SyncHealth(java.time.Clock.systemUTC(), maxMissedSchedules(settings), intervals(registry), history);
        RunObserver observers = RunObserver.of(List.of(metrics, health, observer));
        runner = new SyncRunner(db, catalog, registry, command, selected, redactor, observers, lease);
        bindBeans(context, config, registry, catalog, redactor, observers, lease);
        observe(context, history);
        for (LmsRegistry.Lms lms : registry.all()) {
            // the lanes of one LMS's resources run on its own pool, lms.<lms>.concurrency at a time
            // (threads start on first use; Camel shuts the pool down with the context). Inactive
            // LMSs get one too: a routes folder may declare their resources all the same.
            context.getRegistry().bind(BEAN_PREFIX + "Pool-" + lms.name(), context.getExecutorServiceManager()
                    .newFixedThreadPool(this, "lms-sync-" + lms.name(), lms.config().concurrency()));
        }
        context.addComponent(HTTP_COMPONENT, LmsHttpComponent.create(config.timeoutSeconds()));
        context.addComponent(ScheduleComponent.NAME, ScheduleComponent.create(cluster, scheduled, db.dataSource(), context.getName()));

        List<Resource> yaml = RouteFiles.resolve(context, config.routesDir(), registry, active);
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        model.addModelLifecycleStrategy(ResourceCatalog.derivedRouteIds(context));
        PluginHelper.getRoutesLoader(context).loadRoutes(yaml);
        new EngineRoutes().addRoutesToCamelContext(context);
        new org.lmssync.export.ExportRoutes().addRoutesToCamelContext(context);
        for (String lms : active) {
            // a routes file of an earlier version may still declare its own schedule route: it is kept
            if (model.getRouteDefinition(lms + "-schedule") == null) {
                context.addRouteFromTemplate(lms + "-schedule", "lms-sync-schedule", Map.of("lms", lms,
                        "schedule", registry.get(lms).config().schedule(), "autoStartup", Boolean.toString(scheduled),
                        "clustered", Boolean.toString(cluster.enabled())));
            }
        }
        try {
            catalog.load(ResourceCatalog.fromRoutes(context, Set.copyOf(active)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("routes", e.getMessage());
        }
        ResourceSelection.check(catalog, active, selected, config);
        context.getManagementStrategy().addEventNotifier(new StopOnContextStop());
    }

    @Override
    public void addTemplatedRoutesToCamelContext(CamelContext context) {
        // the resource routes come from YAML templatedRoutes, loaded in addRoutesToCamelContext
    }

    @Override
    public Set<String> updateRoutesToCamelContext(CamelContext context) {
        return Set.of();
    }

    /** The LMSs this installation syncs. */
    public List<String> activeLmss() {
        return active;
    }

    /** Asks that LMS's run in progress to stop after its page in flight (it resumes next run). */
    public boolean cancel(String lms) {
        return runner != null && runner.cancel(lms);
    }

    /** Stops every run in progress after its page in flight and refuses new ones. */
    public void stop() {
        if (runner != null) {
            runner.stopAll();
        }
    }

    /** The sync DB in use (for reports such as the CLI's summary table). */
    public SyncDatabase database() {
        return db;
    }

    private Settings resolve(CamelContext context) {
        Map<String, String> merged = new LinkedHashMap<>(defaults());
        if (given != null) {
            given.forEach((k, v) -> merged.put(k, v == null ? "" : v.trim()));
        } else {
            Properties fromHost = context.getPropertiesComponent().loadProperties(k -> k.startsWith("lms."));
            fromHost.stringPropertyNames().forEach(k -> merged.put(k, fromHost.getProperty(k).trim()));
        }
        return Settings.of(merged);
    }

    private DataSource dataSource(CamelContext context, Settings settings) {
        if (dataSource != null) {
            return dataSource;
        }
        String name = settings.find("lms.datasource").orElse(null);
        if (name != null) {
            DataSource ds = context.getRegistry().lookupByNameAndType(name, DataSource.class);
            if (ds == null) {
                throw new ConfigException("lms.datasource", "no DataSource bean named '" + name + "'");
            }
            return ds;
        }
        // made here, so closed here, once the context has stopped
        ownedDataSource = DataSources.create(settings);
        return ownedDataSource;
    }

    private void bindBeans(CamelContext context, EngineConfig config, LmsRegistry registry, ResourceCatalog catalog,
                           Redactor redactor, RunObserver observers, RunLease lease) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var r = context.getRegistry();
        r.bind(BEAN_PREFIX + "Runner", runner);
        r.bind(BEAN_PREFIX + "Resources", new ResourceSync(db, catalog, registry, config,
                () -> java.time.LocalDate.now(java.time.ZoneOffset.UTC), redactor, observers));
        r.bind(BEAN_PREFIX + "PageRequest", new PageRequest());
        r.bind(BEAN_PREFIX + "PageReader", new PageReader(mapper));
        r.bind(BEAN_PREFIX + "RecordProcessor", new RecordProcessor());
        r.bind(BEAN_PREFIX + "PageAssembler", new PageAssembler());
        r.bind(BEAN_PREFIX + "PageWriter", new PageWriter(db, catalog, config.deleteGuardPercent(),
                context.getExecutorServiceManager().newSingleThreadExecutor(this, "lms-sync-writer"), observers, lease));
        r.bind(BEAN_PREFIX + "HttpRetry", new HttpRetry(config, new Random(), redactor));
    }

    /**
     * Registers a readiness check per active LMS in the host's health-check registry, and binds the
     * meters to the given registry, else to the host's when the context has started.
     */
    private void observe(CamelContext context, Map<String, Map<String, Long>> history) throws Exception {
        HealthCheckRegistry checks = HealthCheckRegistry.get(context);
        if (checks != null) {
            for (String lms : active) {
                checks.register(new LmsReadinessCheck(health, lms));
            }
        }
        if (meterRegistry != null) {
            metrics.bind(meterRegistry, active, history);
            return;
        }
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                MeterRegistry found = ctx.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                        MeterRegistry.class);
                if (found == null) {
                    Set<MeterRegistry> all = ctx.getRegistry().findByType(MeterRegistry.class);
                    found = all.size() == 1 ? all.iterator().next() : null;
                }
                metrics.bind(found, active, history);
            }
        });
    }

    /** The registry lms-sync's meters go to (null when none was found). */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /** The readiness state of an active LMS, as its health check reports it. */
    public SyncHealth.State health(String lms) {
        return health.state(lms);
    }

    private static int maxMissedSchedules(Settings settings) {
        String key = "lms.health.max-missed-schedules";
        String v = settings.find(key).orElse("2");
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(key, "must be a whole number of at least 1, not '" + v + "'");
    }

    private Map<String, java.time.Duration> intervals(LmsRegistry registry) {
        Map<String, java.time.Duration> out = new LinkedHashMap<>();
        java.util.Date now = new java.util.Date();
        for (String lms : active) {
            out.put(lms, Schedules.interval(registry.get(lms).config().schedule(), now));
        }
        return out;
    }

    private static void readInto(Map<String, String> into, InputStream in, String what) {
        if (in == null) {
            return;
        }
        try (InputStream s = in) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(s, StandardCharsets.UTF_8));
            p.stringPropertyNames().forEach(k -> into.put(k, p.getProperty(k).trim()));
        } catch (IOException e) {
            throw new ConfigException("lms-sync", "cannot read " + what + ": " + e.getMessage());
        }
    }

    /** The settings as a properties source for the YAML's {@code {{lms.*}}} placeholders; nothing else. */
    private record LmsProperties(Settings settings) implements PropertiesSource {
        @Override
        public String getName() {
            return "lms-sync settings";
        }

        @Override
        public String getProperty(String name) {
            return name.startsWith("lms.") ? settings.asMap().get(name) : null;
        }
    }

    /** The host stopping its context stops lms-sync's runs after their pages in flight. */
    private final class StopOnContextStop extends SimpleEventNotifierSupport {
        StopOnContextStop() {
            // context events only: without these Camel builds an event for every exchange (one per
            // record, in the page split) just to be told it is not wanted
            setIgnoreExchangeEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreStepEvents(true);
            setIgnoreServiceEvents(true);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.CamelContextStoppingEvent || event instanceof CamelEvent.CamelContextStoppedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                stop();
            } else if (ownedDataSource != null) {
                // the routes have stopped: nothing commits any more
                if (db != null) {
                    db.close();
                }
                DataSources.close(ownedDataSource);
            }
        }
    }
}
