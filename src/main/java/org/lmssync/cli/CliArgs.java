package org.lmssync.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line: {@code <command> [--config FILE] [--lms a,b] [--udm DIR] [--quiet|--verbose] [--json] [--help] [--version]}. */
record CliArgs(String command, Path config, boolean configGiven, List<String> lms, boolean help, boolean version, Path udm,
               boolean quiet, boolean verbose, boolean json) {
    static final List<String> COMMANDS = List.of("run", "once", "demo", "status", "export");

    static CliArgs parse(String[] args) {
        String command = null;
        Path config = Path.of("application.properties");
        boolean configGiven = false;
        List<String> lms = new ArrayList<>();
        boolean help = false;
        boolean version = false;
        Path udm = null;
        boolean quiet = false;
        boolean verbose = false;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--quiet", "-q" -> quiet = true;
                case "--verbose", "-v" -> verbose = true;
                case "--json" -> json = true;
                case "--config" -> {
                    config = Path.of(value(args, ++i, a));
                    configGiven = true;
                }
                case "--udm" -> udm = Path.of(value(args, ++i, a));
                case "--lms" -> {
                    for (String name : value(args, ++i, a).split(",")) {
                        if (!name.isBlank()) {
                            lms.add(name.trim());
                        }
                    }
                }
                default -> {
                    if (a.startsWith("--config=")) {
                        config = Path.of(a.substring("--config=".length()));
                        configGiven = true;
                    } else if (a.startsWith("--udm=")) {
                        return parse(replace(args, i, "--udm", a.substring("--udm=".length())));
                    } else if (a.startsWith("--lms=")) {
                        return parse(replace(args, i, "--lms", a.substring("--lms=".length())));
                    } else if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    } else if (command == null && COMMANDS.contains(a)) {
                        command = a;
                    } else {
                        throw new IllegalArgumentException("unknown command '" + a + "' (commands: " + String.join(", ", COMMANDS) + ")");
                    }
                }
            }
        }
        if (quiet && verbose) {
            throw new IllegalArgumentException("--quiet and --verbose cannot be used together");
        }
        String cmd = command == null ? "run" : command;
        if (json && !cmd.equals("status")) {
            throw new IllegalArgumentException("--json is an option of status only");
        }
        return new CliArgs(cmd, config, configGiven, List.copyOf(lms), help, version, udm, quiet, verbose, json);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String[] replace(String[] args, int i, String option, String value) {
        List<String> out = new ArrayList<>(List.of(args));
        out.set(i, option);
        out.add(i + 1, value);
        return out.toArray(String[]::new);
    }

    static String usage() {
        return """
                Usage: java -jar lms-sync.jar [command] [options]

                Commands:
                  run      sync each enabled LMS on its quartz schedule until stopped (default)
                  once     sync every enabled LMS (or those of --lms) once, print a summary, exit
                  demo     sync the built-in simulators into data/demo.db, change them, sync again
                  status   print the latest runs recorded in the sync DB
                  export   write the Ed-Fi UDM CSV tree of each LMS (or those of --lms) under --udm DIR

                Options:
                  --config FILE     properties file layered over the packaged defaults (default ./application.properties)
                  --lms a,b         only these LMSs (google, schoology, canvas)
                  --udm DIR         export: the folder of the UDM trees (default lms.export.udm-dir)
                  --quiet, -q       warnings, errors and the summary only (no progress line)
                  --verbose, -v     every listing and page in the log (DEBUG), no progress line
                  --json            status: the latest runs as JSON, for scripts
                  --help            this text
                  --version         the version

                Any key can also be set with -Dkey=value or an environment variable
                (lms.canvas.base-url -> LMS_CANVAS_BASE_URL).
                Exit codes: 0 ok, 1 a resource failed, 2 bad configuration.
                """;
    }
}
