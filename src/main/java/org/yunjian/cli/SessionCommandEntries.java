package org.yunjian.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Lists {@code login} and {@code logout} in {@code yunjian --help}. {@code Application.main} runs them without
 * Spring ({@link org.yunjian.cli.remote.RemoteCli}); these entries only delegate, should they be reached through the
 * Spring CLI.
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
    static class Login implements CliCommand, Callable<Integer> {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            return delegate("login", args);
        }
    }

    @Component
    @Command(name = "logout")
    static class Logout implements CliCommand, Callable<Integer> {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            return delegate("logout", args);
        }
    }
}
