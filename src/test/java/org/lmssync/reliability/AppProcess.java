package org.lmssync.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar started as a separate process, as a user would run it: a properties file for
 * its configuration and one log file for its stdout and stderr. The test classes are on the class
 * path only when a test asks for the test LMS adapter.
 */
public final class AppProcess {
    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -cp lms-sync.jar org.lmssync.App <command> --config <name>.properties}. */
    public static AppProcess start(Path dir, String name, Map<String, String> config, String command) throws IOException {
        return start(dir, name, config, command, false);
    }

    /** The same with the test classes (and so the test LMS adapter) on the class path. */
    public static AppProcess startWithTestLms(Path dir, String name, Map<String, String> config, String command)
            throws IOException {
        return start(dir, name, config, command, true);
    }

    private static AppProcess start(Path dir, String name, Map<String, String> config, String command, boolean testLms)
            throws IOException {
        Path file = dir.resolve(name + ".properties");
        StringBuilder sb = new StringBuilder();
        config.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(file, sb.toString());
        String cp = Path.of("target/lms-sync.jar").toAbsolutePath()
                + (testLms ? File.pathSeparator + Path.of("target/test-classes").toAbsolutePath() : "");
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "org.lmssync.App", command, "--config", file.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppProcess(p, log);
    }

    public Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable log " + log + ": " + e + ")";
        }
    }
}
