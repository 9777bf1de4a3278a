package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code target/lms-sync.jar} in its own JVM, as a user would, with stdout and stderr kept apart. */
final class PackagedJar {
    static final Path JAR = Path.of("target/lms-sync.jar").toAbsolutePath();

    /** One finished run. */
    record Outcome(int exit, String stdout, String stderr) {
    }

    private PackagedJar() {
    }

    /**
     * @param workDir  the working directory (a {@code routes/} folder there would replace the packaged routes)
     * @param name     names the run's output files in {@code workDir}
     * @param jvmArgs  e.g. {@code -Dkey=value}
     */
    static Outcome run(Path workDir, String name, List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "build the jar first: mvn -B -o -q package -DskipTests");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        Path out = workDir.resolve(name + ".stdout");
        Path err = workDir.resolve(name + ".stderr");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(name + " did not finish in 180 s: " + Files.readString(err));
        }
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
