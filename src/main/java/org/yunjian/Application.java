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
        String[] args = org.yunjian.cli.CliArgs.languageLast(given);
        for (CliEntry entry : WITHOUT_SPRING) {
            if (entry.takes(args, System::getenv)) {
                System.exit(entry.run(args));
            }
        }
        if (args.length == 0 || "serve".equals(args[0]) || isServerOption(args[0])) {
            String[] rest =
                    args.length > 0 && "serve".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
            StopSignals.exitNormally();
            SpringApplication.run(Application.class, rest);
            return;
        }
        CliEntry.logs(args);
        System.exit(runCli(args));
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
