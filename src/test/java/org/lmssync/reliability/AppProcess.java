package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as a separate process, as a user would run it, with its stdout and
 * stderr kept in two files of the working directory. The test classes are on the class path only
 * when a test asks for the test LMS adapter.
 */
public final class AppProcess {
    static final Path JAR = Path.of("target/lms-sync.jar").toAbsolutePath();

    /** One finished run. */
    public record Outcome(int exit, String stdout, String stderr) {
    }

    private final Process process;
    private final Path out;
    private final Path err;

    private AppProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code <command> --config <name>.properties} with these settings. */
    public static AppProcess start(Path dir, String name, Map<String, String> config, String command) throws IOException {
        return launch(dir, name, false, command, "--config", properties(dir, name, config).toString());
    }

    /** The same with the test classes (and so the test LMS adapter) on the class path. */
    public static AppProcess startWithTestLms(Path dir, String name, Map<String, String> config, String command)
            throws IOException {
        return launch(dir, name, true, command, "--config", properties(dir, name, config).toString());
    }

    /** Starts {@code org.lmssync.cli.App <args>} in {@code dir}; its output goes to {@code <name>.stdout} and {@code .stderr}. */
    public static AppProcess launch(Path dir, String name, boolean testLms, String... args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "build the jar first: mvn -B -o -q package -DskipTests");
        String cp = JAR + (testLms ? File.pathSeparator + Path.of("target/test-classes").toAbsolutePath() : "");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "org.lmssync.cli.App"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve(name + ".stdout");
        Path err = dir.resolve(name + ".stderr");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        return new AppProcess(p, out, err);
    }

    private static Path properties(Path dir, String name, Map<String, String> config) throws IOException {
        Path file = dir.resolve(name + ".properties");
        StringBuilder sb = new StringBuilder();
        config.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return Files.writeString(file, sb.toString());
    }

    public Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the end (killing the process after {@code limit}) and returns what it printed. */
    public Outcome finish(Duration limit) throws IOException, InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the run did not finish in " + limit + ": " + output());
        }
        return new Outcome(process.exitValue(), read(out), read(err));
    }

    /** Everything the process printed so far, stdout then stderr. */
    public String output() {
        return read(out) + read(err);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable " + file + ": " + e + ")";
        }
    }
}
