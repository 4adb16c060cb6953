package org.yunjian.migration.cli;

import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import org.yunjian.lifecycle.cli.PlanCommand;
import org.yunjian.obligations.cli.ObligationsCommand;
import org.yunjian.procurement.cli.ContractCommands;
import org.yunjian.procurement.cli.NeedsCommands;
import org.yunjian.procurement.cli.SelectionCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian lifecycle ...}: a cloud system's lifecycle from the command line, acting as a named user so the
 * access rules and audit apply as on the web: the plan ({@code plan}), the acquisition documents ({@code needs},
 * {@code selection}, {@code contract}), migration, drills, supervision and obligations.
 */
@Component
@Command(
        name = "lifecycle",
        mixinStandardHelpOptions = true,
        subcommands = {
            PlanCommand.class,
            NeedsCommands.Needs.class,
            SelectionCommands.Selection.class,
            ContractCommands.Contract.class,
            MigrationCommand.class,
            DrillCommand.class,
            SupervisionCommand.class,
            ObligationsCommand.class
        })
public class LifecycleCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
