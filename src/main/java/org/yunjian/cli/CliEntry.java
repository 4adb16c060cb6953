package org.yunjian.cli;

import java.util.function.Function;

/**
 * A way into the {@code yunjian} command line that starts no Spring: the client of a running server ({@code login},
 * {@code logout}, the business commands while a server is named), the offline {@code exit}, {@code keys} and
 * {@code report} commands, the client {@code api}, the offline {@code restore}, and help and version.
 * {@code Application.main} is the one entry point: it asks its list of entries in order and starts Spring — the server,
 * or a command against the database — only when none takes the arguments. Deciding loads nothing of Spring, so a
 * client run stays under a second of CPU and {@code exit verify} pays the JVM start only (docs/performance.md).
 */
public interface CliEntry {

    /**
     * Whether this entry runs {@code args} (their global options last, see {@link CliArgs#globalsLast}) in the
     * environment {@code env}.
     */
    boolean takes(String[] args, Function<String, String> env);

    /** Runs {@code args} and returns the exit status. */
    int run(String[] args);

    /** An entry for the commands whose first argument is one of {@code names}, run by {@code run}. */
    static CliEntry named(java.util.Set<String> names, java.util.function.ToIntFunction<String[]> run) {
        return new CliEntry() {
            @Override
            public boolean takes(String[] args, Function<String, String> env) {
                return args.length > 0 && names.contains(args[0]);
            }

            @Override
            public int run(String[] args) {
                return run.applyAsInt(args);
            }
        };
    }

    /**
     * Where an offline command's log goes, set before the first logger is made: help and version log nothing (a
     * library's INFO would land on stdout beside the answer); any other command logs to stderr (a key directory inside
     * the data directory, a library's start-up INFO), since stdout is the answer. Logback starts from
     * {@code logback-cli.xml} now, and Spring Boot's logging system reads it again at its start.
     */
    static void logs(String... args) {
        if (CliRunner.onlyHelpOrVersion(args)) {
            org.yunjian.cli.remote.RemoteCli.quiet();
            return;
        }
        System.setProperty("logback.configurationFile", "logback-cli.xml");
        org.slf4j.LoggerFactory.getILoggerFactory(); // Logback configures itself now, from that file
        System.clearProperty("logback.configurationFile"); // else Spring Boot warns that it ignores it
        System.setProperty("logging.config", "classpath:logback-cli.xml");
    }
}
