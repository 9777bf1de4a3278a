package org.lmssync.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real packaged jar ({@code target/lms-sync.jar}) as a subprocess with {@code -Xmx256m},
 * as a user would; for the benchmark's own listing with the test classes added, so that the testlms
 * adapter is found. The simulators stay in the benchmark's JVM, so they never share the sync's heap.
 */
final class JarRunner {
    private static final Pattern GC_BEFORE = Pattern.compile("(\\d+)M->\\d+M\\(");
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    private final Path jar;
    private final String classpath;
    private final Path work;
    private final String name;
    private final String heap;
    private int runs;

    /** {@code testClasses}: added to the classpath, or null for the jar alone. */
    JarRunner(String name, Path jar, Path testClasses, Path work, String heap) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the jar first (mvn -B -Pbench verify does)");
        }
        this.jar = jar.toAbsolutePath();
        this.classpath = testClasses == null ? this.jar.toString() : this.jar + File.pathSeparator + testClasses.toAbsolutePath();
        this.name = name;
        this.work = work;
        this.heap = heap;
    }

    /** Runs {@code once --config <file>} with these settings and waits for it. */
    JarRun once(Map<String, String> config, String... extraArgs) {
        try {
            Path props = work.resolve("run-" + name + "-" + (runs + 1) + ".properties");
            StringBuilder sb = new StringBuilder();
            config.forEach((k, v) -> sb.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
            Files.writeString(props, sb.toString());
            List<String> args = new ArrayList<>(List.of("once", "--config", props.toString()));
            args.addAll(List.of(extraArgs));
            return main("org.lmssync.cli.App", args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a main class in a fresh JVM with the same heap limit and class path, and waits for it. */
    JarRun main(String mainClass, List<String> args) {
        try {
            String n = name + "-" + ++runs;
            Path gc = work.resolve("gc-" + n + ".log");
            Path log = work.resolve("run-" + n + ".log");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-Xlog:gc:file=" + gc));
            // e.g. -Dbench.jvm.args=-XX:StartFlightRecording=filename=x.jfr to profile what is measured
            String extra = System.getProperty("bench.jvm.args", "").trim();
            if (!extra.isEmpty()) {
                cmd.addAll(List.of(extra.split("\\s+")));
            }
            cmd.addAll(List.of("-cp", classpath, mainClass));
            cmd.addAll(args);
            Instant started = Instant.now();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            AtomicLong hwmKb = new AtomicLong();
            Thread poller = new Thread(() -> pollHwm(p, hwmKb), "rss-poller");
            poller.setDaemon(true);
            poller.start();
            int code = p.waitFor();
            double secs = (System.nanoTime() - t0) / 1e9;
            poller.join(1_000);
            return new JarRun(code, started, secs, peakHeapMb(gc), hwmKb.get() >> 10, Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** VmHWM only grows, so the last reading before exit is the peak (polled every 50 ms). */
    private static void pollHwm(Process p, AtomicLong hwmKb) {
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (p.isAlive()) {
            try {
                Matcher m = VM_HWM.matcher(Files.readString(status));
                if (m.find()) {
                    hwmKb.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                }
                Thread.sleep(50);
            } catch (IOException | InterruptedException e) {
                return; // the process is gone (or /proc is not there: no RSS figure)
            }
        }
    }

    private static long peakHeapMb(Path gc) throws IOException {
        long peak = 0;
        if (Files.exists(gc)) {
            Matcher m = GC_BEFORE.matcher(Files.readString(gc));
            while (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }
}
