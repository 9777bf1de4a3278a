package org.lmssync;

import java.io.PrintStream;
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
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
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
        try {
            Settings settings = Settings.load(LmsSync.defaults(), cli.config(), cli.configGiven(), System.getenv(),
                    System.getProperties());
            return switch (cli.command()) {
                case "status" -> new StatusCommand(settings, out).run();
                case "export" -> new org.lmssync.export.ExportCommand(settings, cli.udm(), cli.lms(), out, err).run();
                case "demo" -> new org.lmssync.demo.DemoCommand(settings, out,
                        (demo, lms) -> new SyncCommand(demo, "demo", lms, out).run()).run();
                default -> new SyncCommand(settings, cli.command(), cli.lms(), out).run();
            };
        } catch (ConfigException e) {
            err.println("lms-sync: configuration error: " + e.getMessage());
            return BAD_CONFIG;
        } catch (java.io.IOException e) {
            err.println("lms-sync: " + e.getMessage());
            return FAILED;
        }
    }

    static String version() {
        String v = App.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
