package org.lmssync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layers of the CLI's configuration, later ones winning: defaults, the user's file, the
 * environment, {@code -D}. The build's concurrency-1 pass of the fault matrix relies on the
 * environment beating every test's config file.
 */
class SettingsTest {
    private static final Map<String, String> BASE = Map.of("lms.canvas.concurrency", "11", "lms.canvas.page-size", "100");

    @TempDir
    Path dir;

    @Test
    void theFileOverridesTheDefaultsTheEnvironmentTheFileAndSystemPropertiesTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("c.properties"),
                "lms.canvas.concurrency = 4\nlms.canvas.page-size = 50\nlms.canvas.schedule = 0 0 2 * * ?\n");
        Properties system = new Properties();
        system.setProperty("lms.canvas.schedule", "0 0 3 * * ?");
        system.setProperty("user.home", "/not/a/setting");

        Settings s = Settings.load(BASE, file, true,
                Map.of("LMS_CANVAS_CONCURRENCY", " 1 ", "LMS_CANVAS_SCHEDULE", "0 0 4 * * ?"), system);

        assertEquals(1, s.integer("lms.canvas.concurrency", 1, 64), "the environment over the file, trimmed");
        assertEquals("50", s.require("lms.canvas.page-size"), "the file over the defaults");
        assertEquals("0 0 3 * * ?", s.require("lms.canvas.schedule"), "-D over the environment");
        assertFalse(s.find("user.home").isPresent(), "only lms.* and camel.* system properties are settings");
    }

    @Test
    void anEnvironmentVariableSetsOnlyAKeySomeLayerKnows() {
        Settings s = Settings.load(BASE, null, false, Map.of("LMS_CANVAS_CONCURRENCY", "2", "LMS_NOT_A_KEY", "x"), new Properties());

        assertEquals("2", s.require("lms.canvas.concurrency"));
        assertTrue(s.asMap().keySet().stream().noneMatch(k -> k.contains("not")), "unknown variables are not settings");
    }

    @Test
    void anExplicitConfigFileMustExistAnImplicitOneMayNot() {
        Path missing = dir.resolve("missing.properties");

        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.load(BASE, missing, true, Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertEquals("11", Settings.load(BASE, missing, false, Map.of(), new Properties()).require("lms.canvas.concurrency"));
    }

    @Test
    void keysMapToTheirEnvironmentNames() {
        assertEquals("LMS_CANVAS_BASE_URL", Settings.envName("lms.canvas.base-url"));
        assertEquals("LMS_GOOGLE_CONCURRENCY", Settings.envName("lms.google.concurrency"));
    }
}
