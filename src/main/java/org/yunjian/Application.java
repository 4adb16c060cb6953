package org.yunjian;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.yunjian.backup.cli.BackupCli;
import org.yunjian.cli.CliRunner;
import org.yunjian.exit.cli.ExitCli;
import org.yunjian.storage.DatabaseInUseException;
import org.yunjian.storage.StorageFailureAnalyzer;

/**
 * One jar, two faces: {@code serve} (or no arguments, or only {@code --spring.*} style options) runs
 * the web platform; any other first argument is a CLI subcommand run against the same configuration and
 * database.
 */
@SpringBootApplication
@Modulithic(sharedModules = {"shared", "web"})
@EnableScheduling
public class Application {

    public static void main(String[] given) {
        String[] args = org.yunjian.cli.CliArgs.languageLast(given);
        if (org.yunjian.cli.remote.RemoteCli.handles(args, System::getenv)) {
            // login / logout, and the business commands while a server is named: its REST API, no Spring, no database
            System.exit(org.yunjian.cli.remote.RemoteCli.run(args));
        }
        if (args.length > 0 && !"serve".equals(args[0]) && !isServerOption(args[0])
                && !CliRunner.onlyHelpOrVersion(args)) {
            offlineLogsToStderr();
        }
        if (args.length > 0 && ExitCli.handles(args[0])) {
            // the offline exit and keys commands never boot Spring: their run time includes JVM start only
            System.exit(ExitCli.run(args));
        }
        if (args.length > 0 && org.yunjian.security.cli.ApiCli.handles(args[0])) {
            // a REST client of a running server: no Spring, no database, no log
            org.yunjian.cli.remote.RemoteCli.quiet();
            System.exit(org.yunjian.security.cli.ApiCli.run(args));
        }
        if (args.length > 0 && BackupCli.handles(args[0])) {
            // restore writes an empty data directory offline: no Spring, no database connection
            System.exit(BackupCli.run(args));
        }
        if (CliRunner.onlyHelpOrVersion(args)) {
            // no Spring starts for help: Logback's default console appender would print a library's INFO on stdout
            org.yunjian.cli.remote.RemoteCli.quiet();
        }
        Integer help = CliRunner.withoutDatabase(new java.io.PrintWriter(
                new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true), args);
        if (help != null) {
            // help and version need neither Spring nor the database: they answer at once, also beside a running server
            System.exit(help);
        }
        if (args.length == 0 || "serve".equals(args[0]) || isServerOption(args[0])) {
            String[] rest = args.length > 0 && "serve".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
            StopSignals.exitNormally();
            SpringApplication.run(Application.class, rest);
            return;
        }
        System.exit(runCli(args));
    }

    /**
     * An offline command's log lines (a key directory inside the data directory, a library's start-up INFO) go to
     * stderr: stdout is the answer. Before the first logger is made (building the command tree loads libraries
     * that log): Logback starts from the file now, and Spring Boot's logging system reads it again at its start.
     */
    static void offlineLogsToStderr() {
        System.setProperty("logback.configurationFile", "logback-cli.xml");
        org.slf4j.LoggerFactory.getILoggerFactory(); // Logback configures itself now, from that file
        System.clearProperty("logback.configurationFile"); // else Spring Boot warns that it ignores it
        System.setProperty("logging.config", "classpath:logback-cli.xml");
    }

    /** {@code --server.port=…}, {@code --spring.profiles.active=…}: options for the server, not a CLI command. */
    static boolean isServerOption(String arg) {
        return arg.startsWith("--") && !arg.equals("--help") && !arg.equals("--version");
    }

    /** Runs a CLI command in a non-web context and returns its exit code. */
    public static int runCli(String... args) {
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("cli");
        try (ConfigurableApplicationContext context = app.run()) {
            return context.getBean(CliRunner.class).execute(args);
        } catch (RuntimeException e) {
            // a server holds the embedded database, or the data directory is open to others: say so, no stack trace
            String refused = StorageFailureAnalyzer.refusal(e);
            if (refused == null) {
                throw e;
            }
            System.err.println(refused);
            return DatabaseInUseException.EXIT_CODE;
        }
    }
}
