package org.lmssync.engine.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Semaphore;
import org.lmssync.config.ConfigException;
import org.lmssync.config.LmsConfig;
import org.lmssync.config.Settings;

/** The LMSs this build knows (by ServiceLoader), with their configuration and request budget. */
public final class LmsRegistry {

    /**
     * One configured LMS. {@code running} (one permit) keeps two syncs of it from running at once in
     * this process; a permit, not a lock, since a run may end on another thread than it began.
     */
    public record Lms(LmsAdapter adapter, LmsConfig config, RequestBudget budget, Semaphore running) {
        public String name() {
            return adapter.name();
        }
    }

    private final Map<String, Lms> all = new LinkedHashMap<>();

    private LmsRegistry() {
    }

    /**
     * Loads every adapter. The active LMSs are those named in {@code only} (from {@code --lms}),
     * or when it is empty those with {@code lms.<name>.enabled=true}; only their keys are checked.
     */
    public static LmsRegistry load(Settings settings, Collection<String> only) {
        LmsRegistry r = new LmsRegistry();
        for (LmsAdapter adapter : ServiceLoader.load(LmsAdapter.class)) {
            boolean enabled = only.isEmpty() ? settings.flag("lms." + adapter.name() + ".enabled") : only.contains(adapter.name());
            // an LMS that is not active is not checked: its keys (even its defaults) may be missing
            LmsConfig config = enabled ? LmsConfig.from(settings, adapter.name()) : LmsConfig.inactive(adapter.name());
            if (enabled) {
                adapter.configure(settings);
            }
            config = new LmsConfig(config.name(), enabled, config.schedule(), config.pageSize(), config.requestsPerSecond(),
                    config.concurrency());
            r.all.put(adapter.name(), new Lms(adapter, config, new RequestBudget(config.requestsPerSecond(), adapter.admission()), new Semaphore(1)));
        }
        for (String name : only) {
            if (!r.all.containsKey(name)) {
                throw new ConfigException("--lms", "'" + name + "' is not an LMS this build knows (" + String.join(", ", r.all.keySet()) + ")");
            }
        }
        return r;
    }

    public Lms get(String name) {
        Lms lms = all.get(name);
        if (lms == null) {
            throw new IllegalArgumentException("unknown LMS '" + name + "'");
        }
        return lms;
    }

    public Collection<Lms> all() {
        return all.values();
    }
}
