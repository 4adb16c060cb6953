package org.yunjian.assessment.cli;

import org.yunjian.shared.cli.CliMount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian assessment …}: the assessment feature's group of the command line (ADR 012). It lists no
 * subcommands: each feature mounts its own in it by the group's name ({@code @CliMount("assessment")} — the workbook
 * and reports from {@code workbench}, review decisions from {@code review}, risks from {@code risk} …), so no module
 * imports another's {@code cli} package. Run alone, it prints its usage.
 */
@CliMount(CliMount.TOP)
@Command(name = "assessment", mixinStandardHelpOptions = true)
public class AssessmentGroup implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
