package org.yunjian.lifecycle.cli;

import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import picocli.CommandLine.Option;

/** A lifecycle subcommand about one cloud system, named by {@code --system}, acting as a named user. */
public abstract class OnSystem extends ActingCommand {

    @Option(
            names = "--system",
            required = true,
            paramLabel = "SYSTEM_ID",
            descriptionKey = "cli.lifecycle.option.system")
    protected UUID systemId;

    protected OnSystem(UserAdministration users, ApplicationEventPublisher events) {
        super(users, events);
    }
}
