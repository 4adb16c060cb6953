package org.yunjian.lifecycle.cli;

import org.yunjian.shared.cli.CliMount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian lifecycle ...}: a cloud system's lifecycle from the command line, acting as a named user so the
 * access rules and audit apply as on the web. The lifecycle feature owns the group (ADR 012); the plan ({@code plan})
 * is its own, the acquisition documents ({@code needs}, {@code selection}, {@code contract}), migration, drills,
 * supervision and obligations are mounted in it by name by their features ({@code @CliMount("lifecycle")}).
 */
@CliMount(CliMount.TOP)
@Command(name = "lifecycle", mixinStandardHelpOptions = true)
public class LifecycleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
