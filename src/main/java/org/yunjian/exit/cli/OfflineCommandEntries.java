package org.yunjian.exit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Lists {@code exit}, {@code keys} and {@code report} in {@code yunjian --help}. {@code Application.main} runs them
 * without Spring; these entries only delegate, should they be reached through the Spring CLI.
 */
final class OfflineCommandEntries {

    private OfflineCommandEntries() {}

    @Component
    @Command(name = "exit")
    static class Exit extends YunjianCommand implements CliCommand {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            List<String> all = new ArrayList<>(List.of("exit"));
            all.addAll(args);
            return ExitCli.run(all.toArray(String[]::new));
        }
    }

    @Component
    @Command(name = "keys")
    static class Keys extends YunjianCommand implements CliCommand {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            List<String> all = new ArrayList<>(List.of("keys"));
            all.addAll(args);
            return ExitCli.run(all.toArray(String[]::new));
        }
    }

    @Component
    @Command(name = "report")
    static class Report extends YunjianCommand implements CliCommand {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            List<String> all = new ArrayList<>(List.of("report"));
            all.addAll(args);
            return ExitCli.run(all.toArray(String[]::new));
        }
    }
}
