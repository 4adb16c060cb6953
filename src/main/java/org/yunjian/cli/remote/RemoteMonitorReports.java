package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.json;
import static org.yunjian.cli.remote.RemoteCommands.minute;
import static org.yunjian.cli.remote.Table.column;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.cli.remote.RemoteCommands.Acting;
import org.yunjian.cli.remote.RemoteCommands.Listing;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian monitors reports|issue-report} against the server: the system's issued 安全运行报告 and issuing a
 * closed month (the customer; irreversible, so {@code --confirm}). A downloaded file is checked offline with
 * {@code yunjian report verify FILE --seal MANIFEST --pubkey KEY}.
 */
final class RemoteMonitorReports {

    private RemoteMonitorReports() {}

    /** {@code reports --system ID}: the issued revisions, newest month first. */
    @Command(name = "reports", mixinStandardHelpOptions = true, description = "cli.monitors.reports.description")
    static class Reports extends Listing {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.monitors.option.system")
        UUID systemId;

        @Override
        String path() {
            return "/api/systems/" + systemId + "/monitoring/reports";
        }

        @Override
        List<JsonNode> rows() { // a short list, not paged: twelve months a year and their revisions
            List<JsonNode> rows = new ArrayList<>();
            remote.server().get(path()).forEach(rows::add);
            return rows;
        }

        @Override
        String emptyKey() {
            return "cli.monitors.reports.none";
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.monitors.reports.column.month", "month"),
                    column("cli.monitors.reports.column.number", "reportNumber"),
                    column(
                            "cli.monitors.reports.column.revision",
                            r -> r.path("revision").asString()
                                    + (r.path("superseded").asBoolean()
                                            ? " " + Texts.get("cli.monitors.reports.superseded")
                                            : "")),
                    column("cli.monitors.reports.column.issuer", "issuerName"),
                    column("cli.monitors.reports.column.issuedAt", r -> minute(r.path("issuedAt"))),
                    column("cli.monitors.reports.column.manifest", "manifestSm3")));
        }
    }

    /** {@code issue-report --system ID --month yyyy-MM --confirm}: issues the month's report as a record. */
    @Command(name = "issue-report", mixinStandardHelpOptions = true, description = "cli.monitors.issue.description")
    static class IssueReport extends Acting {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.monitors.option.system")
        UUID systemId;

        @Option(
                names = "--month",
                required = true,
                paramLabel = "YYYY-MM",
                descriptionKey = "cli.monitors.option.month")
        String month;

        @Option(names = "--confirm", descriptionKey = "cli.monitors.option.confirm")
        boolean confirm;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("confirm", confirm);
            JsonNode r = remote.server()
                    .send("POST", "/api/systems/" + systemId + "/monitoring/reports/" + month + "/issue", body);
            if (json) {
                json(out, r);
            } else {
                out.println(Texts.get(
                        "cli.monitors.issued",
                        r.path("month").asString(),
                        r.path("reportNumber").asString(),
                        r.path("manifestSm3").asString()));
            }
            return 0;
        }
    }
}
