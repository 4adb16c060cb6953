package org.yunjian.security.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Lists {@code api} in {@code yunjian --help}. {@code Application.main} runs it without Spring (it is a client
 * of a server, which holds the database); this entry only delegates, should it be reached through the Spring CLI.
 */
@Component
@Command(name = "api")
class ApiCommandEntry extends YunjianCommand implements CliCommand {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        List<String> all = new ArrayList<>(List.of("api"));
        all.addAll(args);
        return ApiCli.run(all.toArray(String[]::new));
    }
}
