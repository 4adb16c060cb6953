package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.date;
import static org.yunjian.cli.remote.RemoteCommands.day;
import static org.yunjian.cli.remote.RemoteCommands.json;
import static org.yunjian.cli.remote.RemoteCommands.label;
import static org.yunjian.cli.remote.RemoteCommands.query;
import static org.yunjian.cli.remote.RemoteCommands.rows;
import static org.yunjian.cli.remote.RemoteCommands.withQuery;
import static org.yunjian.cli.remote.Table.column;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.yunjian.cli.remote.RemoteCommands.Acting;
import org.yunjian.cli.remote.RemoteCommands.Download;
import org.yunjian.cli.remote.RemoteCommands.Group;
import org.yunjian.cli.remote.RemoteCommands.Listing;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian assessment …} against the server: the list, the reports and the offline workbook (downloaded
 * byte for byte, uploaded as the web page does), the risk register and evidence requests; the review steps are
 * {@link RemoteReview}.
 */
final class RemoteAssessment {

    private RemoteAssessment() {}

    @Command(
            name = "assessment",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.root.description",
            subcommands = {
                AssessmentList.class,
                Report.class,
                ExportWorkbook.class,
                ImportWorkbook.class,
                Risks.class,
                Requests.class,
                RemoteInheritance.Sources.class,
                RemoteInheritance.Inherit.class,
                RemoteInheritance.Withdraw.class,
                RemoteFindings.ImportResults.class,
                RemoteFindings.ImportPoam.class,
                RemoteFindings.ImportedFindings.class,
                RemoteFindings.Adopt.class,
                RemoteFindings.Dismiss.class,
                RemoteReportTemplate.ReportTemplate.class,
                RemoteFollowUp.FollowUp.class,
                RemoteReview.History.class,
                RemoteReview.Submit.class,
                RemoteReview.SendBack.class,
                RemoteReview.ApproveReview.class,
                RemoteReview.ApproveReport.class,
                RemoteReview.ReturnReport.class
            })
    static class Assessment extends Group {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "cli.assessment.list.description")
    static class AssessmentList extends Listing {
        @Option(names = "--system", descriptionKey = "cli.assessment.option.system")
        UUID systemId;

        @Option(names = "--status", paramLabel = "STATUS", descriptionKey = "cli.remote.option.status")
        String status;

        @Override
        String path() {
            return withQuery("/api/assessments", query("systemId", systemId) + query("status", status));
        }

        @Override
        String emptyKey() {
            return "cli.assessment.list.empty";
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.assessment.list.id", "id"),
                    column("cli.assessment.list.number", "reportNumber"),
                    column("cli.assessment.list.status", r -> label("enum.AssessmentStatus.", r.path("status"))),
                    column("cli.assessment.list.kind", r -> label("enum.AssessorKind.", r.path("assessorKind"))),
                    column("cli.assessment.list.created", r -> date(r.path("createdAt"))),
                    column("cli.assessment.list.name", "name")));
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "cli.assessment.report.description")
    static class Report extends Download {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(names = "--format", required = true, descriptionKey = "cli.assessment.option.format")
        String format;

        @Option(
                names = {"-o", "--out"},
                required = true,
                descriptionKey = "cli.assessment.option.reportOut")
        Path file;

        @Override
        String path() {
            // the offline command's spellings (Reports.Format.parse)
            String document =
                    switch (format.strip().toLowerCase(Locale.ROOT)) {
                        case "docx" -> "report.docx";
                        case "pdf" -> "report.pdf";
                        case "oscal-json", "oscal", "json" -> "oscal-results.json";
                        case "oscal-plan" -> "oscal-plan.json";
                        case "oscal-plan-xml" -> "oscal-plan.xml";
                        case "oscal-poam" -> "oscal-poam.json";
                        case "oscal-poam-xml" -> "oscal-poam.xml";
                        default ->
                            throw Server.input(
                                    "cli.remote.badOption", "--format", Texts.get("assessment.error.reportFormat"));
                    };
            return "/api/assessments/" + id + "/" + document;
        }

        @Override
        Path file() {
            return file;
        }
    }

    @Command(
            name = "export-workbook",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.export-workbook.description")
    static class ExportWorkbook extends Download {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(
                names = {"-o", "--out"},
                required = true,
                descriptionKey = "cli.assessment.option.out")
        Path file;

        @Override
        String path() {
            return "/api/assessments/" + id + "/workbook";
        }

        @Override
        Path file() {
            return file;
        }
    }

    /** Uploads the workbook; a refused one prints every problem (sheet, row, column) on stderr and exits 1. */
    @Command(
            name = "import-workbook",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.import-workbook.description")
    static class ImportWorkbook extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Parameters(index = "1", descriptionKey = "cli.assessment.option.in")
        Path file;

        @Override
        int act(PrintWriter out, PrintWriter err) throws IOException {
            JsonNode r;
            try {
                r = remote.server().upload("/api/assessments/" + id + "/workbook", file, Map.of());
            } catch (Server.Failure f) {
                JsonNode problem = f.http() == 400 ? Server.JSON.readTree(f.body()) : null;
                if (problem == null || !problem.path("problems").isArray()) {
                    throw f;
                }
                err.println(Texts.get(
                        "cli.assessment.rejected", problem.path("problems").size()));
                problem.path("problems").forEach(p -> err.println("  " + describe(p)));
                return 1;
            }
            out.println(Texts.get(
                    "cli.assessment.imported",
                    r.path("applied").asInt(),
                    r.path("unchanged").asInt(),
                    r.path("conflicts").size()));
            for (JsonNode c : r.path("conflicts")) {
                out.println(Texts.get(
                        "cli.assessment.conflictRow",
                        c.path("row").asInt(),
                        c.path("requirementId").asString(),
                        label("enum.ItemSide.", c.path("side")),
                        verdict(c.path("platformVerdict")),
                        verdict(c.path("workbookVerdict"))));
            }
            return 0;
        }

        /** As {@code Workbooks.Problem.describe}: where and what, in the reader's language. */
        static String describe(JsonNode p) {
            String message = p.path("message").asString();
            if (p.path("sheet").isNull() || p.path("sheet").isMissingNode()) {
                return Texts.get("workbook.problem.file", message);
            }
            String sheet = p.path("sheet").asString();
            if (p.path("row").isNull() || p.path("row").isMissingNode()) {
                return Texts.get("workbook.problem.sheet", sheet, message);
            }
            int row = p.path("row").asInt();
            return p.path("column").isNull() || p.path("column").isMissingNode()
                    ? Texts.get("workbook.problem.row", sheet, row, message)
                    : Texts.get(
                            "workbook.problem.cell",
                            sheet,
                            row,
                            p.path("column").asString(),
                            message);
        }

        static String verdict(JsonNode v) {
            return v.isNull() || v.isMissingNode() ? Texts.get("report.verdict.none") : label("enum.Verdict.", v);
        }
    }

    @Command(name = "risks", mixinStandardHelpOptions = true, description = "cli.assessment.risks.description")
    static class Risks extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            JsonNode r = remote.server().get("/api/assessments/" + id + "/risk-register");
            if (json) {
                json(out, r);
                return 0;
            }
            JsonNode s = r.path("summary");
            out.println(Texts.get(
                    "cli.assessment.risks.summary",
                    s.path("findings").asInt(),
                    s.path("open").asInt(),
                    s.path("overdue").asInt(),
                    s.path("unplanned").asInt(),
                    s.path("accepted").asInt(),
                    s.path("expired").asInt()));
            if (r.path("entries").isEmpty()) {
                out.println(Texts.get("cli.assessment.risks.empty"));
                return 0;
            }
            new Table(List.of(
                            column("risk.export.requirement", "requirementId"),
                            column("risk.export.side", e -> label("enum.ItemSide.", e.path("side"))),
                            column("risk.export.risk", e -> label("enum.RiskLevel.", e.path("riskLevel"))),
                            column("risk.export.treatment", e -> label("enum.RiskTreatment.", e.path("treatment"))),
                            column(
                                    "risk.export.owner",
                                    e -> Table.text(e.path("ownerName"))
                                            + (e.path("transferName").isNull()
                                                    ? ""
                                                    : " → " + Table.text(e.path("transferName")))),
                            column(
                                    "risk.export.due",
                                    e -> e.path("dueDate").isNull()
                                            ? Texts.get("risk.due.none")
                                            : day(e.path("dueDate"))
                                                    + (e.path("overdue").asBoolean()
                                                            ? " (" + Texts.get("risk.overdue") + ")"
                                                            : "")),
                            column(
                                    "risk.export.state",
                                    e -> label("enum.RiskState.", e.path("state"))
                                            + (e.path("acceptance").isNull()
                                                    ? ""
                                                    : " "
                                                            + Texts.get(
                                                                    "risk.acceptance.until",
                                                                    day(e.path("acceptance")
                                                                            .path("expiresOn"))))),
                            column("risk.export.retest", Risks::retest)))
                    .print(rows(r.path("entries")), out);
            return 0;
        }

        private static String retest(JsonNode e) {
            JsonNode t = e.path("retest");
            if (t.isNull() || t.isMissingNode()) {
                return "—";
            }
            return t.path("verdict").isNull()
                    ? Texts.get("risk.retest.pending")
                    : Texts.get("risk.retest.line", label("enum.Verdict.", t.path("verdict")), date(t.path("at")))
                            + ", " + Texts.get("risk.retest.report", Table.text(t.path("reportNumber")));
        }
    }

    /** The lines of one assessment, or without an ID every line addressed to the caller's organisation. */
    @Command(name = "requests", mixinStandardHelpOptions = true, description = "cli.assessment.requests.description")
    static class Requests extends Listing {
        @Parameters(index = "0", arity = "0..1", descriptionKey = "cli.assessment.requests.option.id")
        UUID id;

        @Override
        String path() {
            return id != null ? "/api/assessments/" + id + "/evidence-requests" : "/api/evidence-requests";
        }

        @Override
        List<JsonNode> rows() {
            // the caller's organisation's lines come as the answer's "addressed" page
            return remote.server().all(path(), id != null ? null : "addressed");
        }

        @Override
        String emptyKey() {
            return "assessment.request.empty";
        }

        @Override
        Table table() {
            return new Table(List.of(
                    column("cli.remote.column.id", "id"),
                    column("cli.remote.column.title", "title"),
                    column("cli.remote.column.addressee", "addressee"),
                    column("cli.remote.column.due", r -> r.path("dueDate").isNull() ? "—" : day(r.path("dueDate"))),
                    column(
                            "cli.remote.column.status",
                            r -> label("enum.EvidenceRequestStatus.", r.path("status"))
                                    + (r.path("overdue").asBoolean()
                                            ? " · " + Texts.get("assessment.request.overdue")
                                            : "")),
                    column(
                            "cli.remote.column.items",
                            r -> Texts.get(
                                    "cli.assessment.requests.items",
                                    r.path("itemIds").size()))));
        }
    }
}
