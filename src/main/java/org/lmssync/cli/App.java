package org.lmssync.cli;

import java.io.PrintStream;
import org.lmssync.LmsSync;
import org.lmssync.config.ConfigException;
import org.lmssync.config.Settings;

/** The command-line entry point: parses the command, loads the configuration, runs it. */
public final class App {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_CONFIG = 2;

    private App() {
    }

    public static void main(String[] args) {
        try {
            // the JVM's own run only: the log levels are read once, when the binding starts
            logLevels(CliArgs.parse(args));
        } catch (IllegalArgumentException reportedByRun) {
            // run() prints it with the usage
        }
        System.exit(run(args, System.out, System.err));
    }

    /** The CLI in this JVM: runs the command {@code args} name and returns its exit code (it never exits). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliArgs cli;
        try {
            cli = CliArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("lms-sync: " + e.getMessage());
            err.print(CliArgs.usage());
            return BAD_CONFIG;
        }
        if (cli.help()) {
            out.print(CliArgs.usage());
            return OK;
        }
        if (cli.version()) {
            out.println("lms-sync " + version());
            return OK;
        }
        boolean progress = !cli.quiet() && !cli.verbose();
        boolean terminal = err == System.err && System.console() != null;
        try {
            Settings settings = Settings.load(LmsSync.defaults(), cli.config(), cli.configGiven(), System.getenv(),
                    System.getProperties());
            return switch (cli.command()) {
                case "status" -> new StatusCommand(settings, out, cli.json()).run();
                case "export" -> new org.lmssync.export.ExportCommand(settings, cli.udm(), cli.lms(), out, err).run();
                case "demo" -> new org.lmssync.demo.DemoCommand(settings, out,
                        (demo, lms) -> new SyncCommand(demo, "demo", lms, out, progress ? err : null, terminal).run()).run();
                default -> new SyncCommand(settings, cli.command(), cli.lms(), out, progress ? err : null, terminal).run();
            };
        } catch (ConfigException e) {
            err.println("lms-sync: configuration error: " + e.getMessage());
            return BAD_CONFIG;
        } catch (java.io.IOException e) {
            err.println("lms-sync: " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * The standalone jar's log levels (slf4j-simple reads these system properties when it starts;
     * with another binding they do nothing): --quiet keeps warnings, --verbose adds lms-sync's
     * DEBUG lines, and by default the progress line says what ResourceSync's INFO line would.
     */
    private static void logLevels(CliArgs cli) {
        String prefix = "org.slf4j.simpleLogger.";
        if (cli.quiet()) {
            System.setProperty(prefix + "defaultLogLevel", "warn");
        } else if (cli.verbose()) {
            System.setProperty(prefix + "log.org.lmssync", "debug");
        } else if (!cli.command().equals("status")) {
            System.setProperty(prefix + "log.org.lmssync.engine.run.ResourceSync", "warn");
        }
    }

    static String version() {
        String v = App.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
