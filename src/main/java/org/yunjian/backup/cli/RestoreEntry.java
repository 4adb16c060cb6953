package org.yunjian.backup.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Lists {@code restore} in {@code yunjian --help} (issue 61: help lists every group). {@code Application.main} runs it
 * without Spring ({@link BackupCli#ENTRY}: it must run while no server uses the data directory); this entry only
 * delegates, should it be reached through the Spring CLI.
 */
@Component
@Command(name = "restore")
class RestoreEntry extends YunjianCommand implements CliCommand {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        List<String> all = new ArrayList<>(List.of("restore"));
        all.addAll(args);
        return BackupCli.ENTRY.run(all.toArray(String[]::new));
    }
}
