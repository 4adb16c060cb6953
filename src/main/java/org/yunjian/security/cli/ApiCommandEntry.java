package org.yunjian.security.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Lists {@code api} in {@code yunjian --help}. {@code Application.main} runs it without Spring (it is a client
 * of a server, which holds the database); this entry only delegates, should it be reached through the Spring CLI.
 */
@Component
@Command(name = "api")
class ApiCommandEntry implements CliCommand, Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(List.of("api"));
        all.addAll(args);
        return ApiCli.run(all.toArray(String[]::new));
    }
}
