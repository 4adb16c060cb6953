package org.yunjian;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.yunjian.backup.cli.BackupCli;
import org.yunjian.cli.CliEntry;
import org.yunjian.cli.CliRunner;
import org.yunjian.cli.remote.RemoteCli;
import org.yunjian.exit.cli.ExitCli;
import org.yunjian.security.cli.ApiCli;
import org.yunjian.storage.DataDirectoryGuard;
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

    /**
     * The ways into the command line that start no Spring, asked in this order: the client of a named server first
     * (its decision reads the environment), then the offline commands, the API client, the offline restore, and help
     * and version. Spring starts only when none takes the arguments.
     */
    static final List<CliEntry> WITHOUT_SPRING =
            List.of(RemoteCli.ENTRY, ExitCli.ENTRY, ApiCli.ENTRY, BackupCli.ENTRY, CliRunner.HELP);

    public static void main(String[] given) {
        org.yunjian.cli.CliArgs.adoptUserLanguage(System::getenv);
        String[] args = org.yunjian.cli.CliArgs.globalsLast(given);
        for (CliEntry entry : WITHOUT_SPRING) {
            if (entry.takes(args, System::getenv)) {
                System.exit(entry.run(args));
            }
        }
        if (startsServer(args)) {
            String[] rest =
                    args.length > 0 && "serve".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
            StopSignals.exitNormally();
            SpringApplication.run(Application.class, rest);
            return;
        }
        if (org.yunjian.cli.CliArgs.isGlobal(args[0])) {
            // only global options, no command (they were moved behind it): neither a server nor a command runs
            org.yunjian.cli.CliArgs.of(args).use();
            System.err.println(org.yunjian.shared.Texts.get("cli.noCommand"));
            System.exit(2);
        }
        CliEntry.logs(args);
        System.exit(runCli(args));
    }

    /**
     * Whether {@code args} start the web platform: none, {@code serve …}, or nothing but the server's own options
     * ({@code --server.port=9090 --spring.profiles.active=demo}). A command after such options is no server start
     * (issue 56), nor is a global option of the command line ({@code --server URL}, {@code --lang}).
     */
    static boolean startsServer(String... args) {
        return args.length == 0
                || "serve".equals(args[0])
                || Arrays.stream(args).allMatch(Application::isServerOption);
    }

    /** {@code --server.port=…}, {@code --spring.profiles.active=…}: options for the server, not a CLI command. */
    static boolean isServerOption(String arg) {
        return arg.startsWith("--")
                && !arg.equals("--help")
                && !arg.equals("--version")
                && !org.yunjian.cli.CliArgs.isGlobal(arg);
    }

    /**
     * Runs a CLI command in a non-web context and returns its exit code. It works on an installation that exists: a
     * data directory that does not is refused, never created (issue 56, {@link DataDirectoryGuard#MUST_EXIST}).
     */
    public static int runCli(String... args) {
        java.util.Locale.setDefault(org.yunjian.cli.CliArgs.of(args).locale()); // the refusals before Spring's texts
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("cli");
        app.setDefaultProperties(java.util.Map.of(DataDirectoryGuard.MUST_EXIST, "true"));
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
