package org.yunjian.exit.cli.report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian report …}: offline checks of approved assessment reports (no Spring, no database), run by
 * {@code ExitCli} with the rest of the offline toolkit.
 */
@Command(name = "report", mixinStandardHelpOptions = true, subcommands = VerifyReportCommand.class)
public final class ReportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
