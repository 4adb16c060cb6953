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
 * {@code yunjian responsibility …} against the server: the clause 5 rule check (exit 3 with findings), one view of
 * the matrix (mlps, gov, jrt), and the documents offline writes to a file — the workbook and the statement —
 * downloaded byte for byte.
 */
final class RemoteResponsibility {

    private RemoteResponsibility() {}

    @Command(
            name = "responsibility",
            mixinStandardHelpOptions = true,
            description = "cli.responsibility.root.description",
            subcommands = {
                Check.class,
                View.class,
                ExportWorkbook.class,
                Statement.class,
                RemoteMatrixDecisions.Answer.class,
                RemoteMatrixDecisions.SignOff.class
            })
    static class Responsibility extends Group {}

    @Command(name = "check", mixinStandardHelpOptions = true, description = "cli.responsibility.check.description")
    static class Check extends Call {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            var answer = remote.server().get("/api/systems/" + systemId + "/responsibility/check");
            var violations = answer.path("violations");
            if (json) {
                out.println(Server.JSON.writeValueAsString(answer));
            } else if (violations.isEmpty()) {
                out.println(Texts.get("cli.responsibility.check.clean"));
            } else {
                new Table(List.of(
                                column(
                                        "cli.remote.column.rule",
                                        r -> Table.text(
                                                r.path("ruleRef").isNull() ? r.path("rule") : r.path("ruleRef"))),
                                column("cli.remote.column.duty", "duty"),
                                column("cli.remote.column.message", "message")))
                        .print(RemoteCommands.rows(violations), out);
            }
            return violations.isEmpty() ? 0 : 3;
        }
    }

    /**
     * A document of the current matrix version (or {@code --version N}); {@code -h/--help} of its own, as offline:
     * {@code --version} names the matrix version here.
     */
    abstract static class VersionDownload extends Download {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                descriptionKey = "cli.option.help")
        boolean help;

        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        @Option(names = "--version", paramLabel = "N", descriptionKey = "cli.responsibility.option.version")
        Integer version;

        @Option(
                names = {"-o", "--out"},
                required = true,
                paramLabel = "FILE",
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

    /**
     * {@code view --system ID --view VIEW}: the offline command's lines from the server's rendering of the view (in the
     * request's language). The server's answer does not say whether the caller sees the whole matrix, so the remote
     * form leaves out the offline note that a partner sees only the rows naming it (the rows are the same).
     */
    @Command(name = "view", mixinStandardHelpOptions = true, description = "cli.responsibility.view.description")
    static class View extends RemoteCommands.Acting {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        @Option(
                names = "--view",
                required = true,
                paramLabel = "VIEW",
                descriptionKey = "cli.responsibility.option.view")
        String view;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            tools.jackson.databind.JsonNode r = server.get("/api/systems/" + systemId + "/responsibility/views/"
                    + java.net.URLEncoder.encode(view, java.nio.charset.StandardCharsets.UTF_8));
            if (json) {
                RemoteCommands.json(out, r);
                return 0;
            }
            var t = r.path("table");
            out.println(Texts.get(
                    "cli.responsibility.view.head",
                    server.get("/api/systems/" + systemId).path("name").asString(),
                    t.path("label").asString(),
                    r.path("version").asInt(),
                    r.path("status").asString()));
            out.println(Texts.get(
                    "cli.responsibility.view.standard", t.path("standard").asString()));
            if (!t.path("scope").isNull() && !t.path("scope").isMissingNode()) {
                out.println(Texts.get(
                        "cli.responsibility.view.scope",
                        t.path("scope").asString(),
                        t.path("otherModels").asInt()));
            }
            if (t.path("rowCount").asInt() == 0) {
                out.println(Texts.get("responsibility.view.empty.scope"));
                return 0;
            }
            String separator = Texts.get("cli.responsibility.view.separator");
            for (var h : t.path("groups")) {
                out.println();
                out.println(Texts.get(
                        "cli.responsibility.view.group",
                        h.path("title").asString(),
                        h.path("rows").size()));
                for (var l : h.path("rows")) {
                    out.println(Texts.get(
                            "cli.responsibility.view.row",
                            l.path("ref").asString(),
                            l.path("text").asString()));
                    if (!l.path("sideLabel").isNull() && !l.path("sideLabel").isMissingNode()) {
                        out.println(Texts.get(
                                "cli.responsibility.view.side",
                                l.path("sideLabel").asString()));
                    }
                    for (var x : l.path("roles")) {
                        out.println(Texts.get(
                                "cli.responsibility.view.role",
                                x.path("roleLabel").asString(),
                                x.path("organisations").isEmpty()
                                        ? Texts.get("responsibility.view.nobody")
                                        : String.join(
                                                separator,
                                                RemoteCommands.rows(x.path("organisations")).stream()
                                                        .map(o -> o.path("name").asString())
                                                        .toList())));
                    }
                    for (var m : l.path("mapped")) {
                        out.println(Texts.get(
                                "cli.responsibility.view.mapped",
                                m.path("ref").asString(),
                                m.path("relation").asString(),
                                m.path("text").asString()));
                        if (!m.path("visible").asBoolean()) {
                            out.println(Texts.get(
                                    "cli.responsibility.view.mappedNote",
                                    Texts.get("responsibility.view.mapped.hidden")));
                        } else if (!m.path("notApplicable").isNull()
                                && !m.path("notApplicable").isMissingNode()) {
                            out.println(Texts.get(
                                    "cli.responsibility.view.mappedNote",
                                    m.path("notApplicable").asString()));
                        }
                        for (var p : m.path("parts")) {
                            out.println(Texts.get(
                                    "cli.responsibility.view.mappedNote",
                                    Texts.get(
                                            "responsibility.view.mapped.part",
                                            p.path("accountableName").asString(),
                                            p.path("roleLabel").asString(),
                                            p.path("implementerName").asString())));
                        }
                    }
                }
            }
            out.println();
            out.println(Texts.get(
                    "cli.responsibility.view.count", t.path("rowCount").asInt()));
            return 0;
        }
    }
}
