package org.yunjian.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Lists {@code login}, {@code logout} and the groups that only run through a server ({@code monitors}) in
 * {@code yunjian --help}. {@code Application.main} runs them without Spring ({@link org.yunjian.cli.remote.RemoteCli});
 * these entries only delegate, should they be reached through the Spring CLI. {@code yunjian monitors --help} is the
 * remote group's own help (it has no offline form).
 */
final class SessionCommandEntries {

    private SessionCommandEntries() {}

    static int delegate(String command, List<String> args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(args);
        return org.yunjian.cli.remote.RemoteCli.run(all.toArray(String[]::new));
    }

    @Component
    @Command(name = "login")
    static class Login extends YunjianCommand implements CliCommand {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return delegate("login", args);
        }
    }

    @Component
    @Command(name = "logout")
    static class Logout extends YunjianCommand implements CliCommand {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return delegate("logout", args);
        }
    }

    @Component
    @Command(name = "monitors")
    static class Monitors extends YunjianCommand implements CliCommand {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return delegate("monitors", args);
        }
    }
}
