package org.lmssync.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The resolved configuration: the packaged defaults, then the user's file, then environment
 * variables ({@code lms.canvas.base-url} is {@code LMS_CANVAS_BASE_URL}), then {@code -D} system
 * properties. Later layers win. Values are trimmed; a blank value means "not set".
 */
public final class Settings {
    /** The CLI's packaged defaults: the project's application.properties, under the CLI's own name. */
    public static final String PACKAGED = "/org/lmssync/application.properties";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(new LinkedHashMap<>(values));
    }

    /**
     * @param configFile the user's file; when {@code explicit} it must exist, else it is optional
     */
    public static Settings load(Path configFile, boolean explicit, Map<String, String> env, Properties system) {
        return load(Map.of(), configFile, explicit, env, system);
    }

    /** The same over {@code base} (the engine's and connectors' own defaults, which any layer may override). */
    public static Settings load(Map<String, String> base, Path configFile, boolean explicit, Map<String, String> env,
                                Properties system) {
        Map<String, String> merged = new LinkedHashMap<>(base);
        try (InputStream in = Settings.class.getResourceAsStream(PACKAGED)) {
            if (in != null) {
                merge(merged, read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read the packaged defaults: " + e.getMessage());
        }
        if (configFile != null) {
            if (Files.isRegularFile(configFile)) {
                try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                    merge(merged, read(r));
                } catch (IOException e) {
                    throw new ConfigException("--config", "cannot read " + configFile + ": " + e.getMessage());
                }
            } else if (explicit) {
                throw new ConfigException("--config", "no such file: " + configFile);
            }
        }
        for (String key : merged.keySet().toArray(String[]::new)) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                merged.put(key, fromEnv.trim());
            }
        }
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("lms.") || name.startsWith("camel.")) {
                merged.put(name, system.getProperty(name).trim());
            }
        }
        return new Settings(merged);
    }

    /** {@code lms.canvas.base-url} → {@code LMS_CANVAS_BASE_URL}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Properties read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return p;
    }

    private static void merge(Map<String, String> into, Properties p) {
        for (String name : p.stringPropertyNames()) {
            into.put(name, p.getProperty(name).trim());
        }
    }

    public Settings with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public Optional<String> find(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public String require(String key) {
        return find(key).orElseThrow(() -> new ConfigException(key, "is required"));
    }

    public String get(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    public boolean flag(String key) {
        String v = get(key, "false").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(key, "must be true or false, not '" + v + "'");
        }
        return v.equals("true");
    }

    public int integer(String key, int min, int max) {
        String v = require(key);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new ConfigException(key, "must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, not '" + v + "'");
        }
    }

    public double decimal(String key, double minExclusive) {
        String v = require(key);
        try {
            double d = Double.parseDouble(v);
            if (!(d > minExclusive) || Double.isInfinite(d)) {
                throw new ConfigException(key, "must be a number above " + minExclusive + ", not " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a number, not '" + v + "'");
        }
    }

    public Optional<LocalDate> date(String key) {
        return find(key).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new ConfigException(key, "must be a date YYYY-MM-DD, not '" + v + "'");
            }
        });
    }

    public java.net.URI url(String key) {
        String v = require(key);
        try {
            java.net.URI uri = new java.net.URI(v);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new ConfigException(key, "must be an http(s) URL, not '" + v + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(key, "is not a valid URL: '" + v + "'");
        }
    }
}
