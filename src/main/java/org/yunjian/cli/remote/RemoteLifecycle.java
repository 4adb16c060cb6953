package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.query;
import static org.yunjian.cli.remote.RemoteCommands.withQuery;
import static org.yunjian.cli.remote.Table.column;

import java.util.List;

import org.yunjian.cli.remote.RemoteCommands.Group;
import org.yunjian.cli.remote.RemoteCommands.Listing;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code yunjian lifecycle …} against the server: the recurring obligations (due, or overdue with exit 3). */
final class RemoteLifecycle {

    private RemoteLifecycle() {
    }

    @Command(name = "lifecycle", mixinStandardHelpOptions = true, description = "cli.lifecycle.root.description",
            subcommands = Obligations.class)
    static class Lifecycle extends Group {
    }

    @Command(name = "obligations", mixinStandardHelpOptions = true,
            description = "cli.lifecycle.obligations.description")
    static class Obligations extends Listing {
        @Option(names = "--overdue", descriptionKey = "cli.lifecycle.obligations.option.overdue")
        boolean overdue;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.obligations.option.from")
        String from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.obligations.option.to")
        String to;

        @Override
        String path() {
            return withQuery("/api/lifecycle/obligations", query("overdue", overdue ? "true" : null) + query("from", from)
                    + query("to", to));
        }

        @Override
        String emptyKey() {
            return overdue ? "cli.lifecycle.obligations.noneOverdue" : "cli.lifecycle.obligations.noneDue";
        }

        @Override
        int status(List<tools.jackson.databind.JsonNode> rows) {
            return overdue && !rows.isEmpty() ? 3 : 0;
        }

        @Override
        Table table() {
            return new Table(List.of(column("cli.remote.column.system", "systemName"),
                    column("cli.remote.column.obligation", "kindLabel"),
                    column("cli.remote.column.due", "nextDue"),
                    column("cli.remote.column.status", "statusLabel"),
                    column("cli.remote.column.responsible", "responsibleOrganization")));
        }
    }
}
