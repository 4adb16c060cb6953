package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.query;
import static org.yunjian.cli.remote.RemoteCommands.withQuery;
import static org.yunjian.cli.remote.Table.column;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.yunjian.cli.remote.RemoteCli.Call;
import org.yunjian.cli.remote.RemoteCommands.Download;
import org.yunjian.cli.remote.RemoteCommands.Group;
import org.yunjian.shared.Texts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yunjian responsibility …} against the server: the clause 5 rule check (exit 3 with findings), and the
 * documents offline writes to a file — the workbook and the statement — downloaded byte for byte.
 */
final class RemoteResponsibility {

    private RemoteResponsibility() {
    }

    @Command(name = "responsibility", mixinStandardHelpOptions = true,
            description = "cli.responsibility.root.description",
            subcommands = {Check.class, ExportWorkbook.class, Statement.class})
    static class Responsibility extends Group {
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "cli.responsibility.check.description")
    static class Check extends Call {
        @Option(names = "--system", required = true, paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;
        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int work(PrintWriter out, PrintWriter err) {
            var answer = remote.server().get("/api/systems/" + systemId + "/responsibility/check");
            var violations = answer.path("violations");
            if (json) {
                out.println(Server.JSON.writeValueAsString(answer));
            } else if (violations.isEmpty()) {
                out.println(Texts.get("cli.responsibility.check.clean"));
            } else {
                new Table(List.of(column("cli.remote.column.rule", r -> Table.text(r.path("ruleRef").isNull()
                                ? r.path("rule") : r.path("ruleRef"))),
                        column("cli.remote.column.duty", "duty"),
                        column("cli.remote.column.message", "message"))).print(
                        RemoteCommands.rows(violations), out);
            }
            return violations.isEmpty() ? 0 : 3;
        }
    }

    /**
     * A document of the current matrix version (or {@code --version N}); {@code -h/--help} of its own, as offline:
     * {@code --version} names the matrix version here.
     */
    abstract static class VersionDownload extends Download {
        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "cli.option.help")
        boolean help;
        @Option(names = "--system", required = true, paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;
        @Option(names = "--version", paramLabel = "N", descriptionKey = "cli.responsibility.option.version")
        Integer version;
        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
                descriptionKey = "cli.responsibility.option.out")
        Path out;

        abstract String document();

        @Override
        String path() {
            return withQuery("/api/systems/" + systemId + "/responsibility/" + document(), query("version", version));
        }

        @Override
        Path file() {
            return out;
        }
    }

    @Command(name = "export-workbook", description = "cli.responsibility.export-workbook.description")
    static class ExportWorkbook extends VersionDownload {
        @Override
        String document() {
            return "workbook.xlsx";
        }
    }

    @Command(name = "statement", description = "cli.responsibility.statement.description")
    static class Statement extends VersionDownload {
        @Override
        String document() {
            return "statement.docx";
        }
    }
}
