package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.json;
import static org.yunjian.cli.remote.RemoteCommands.label;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.yunjian.cli.remote.RemoteCommands.Acting;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian assessment report-template ID [--template 2025|2021|auto] [--contract-date YYYY-MM-DD] [--json]}
 * against the server: shows the report template the assessment follows, or sets it over the assessment's version just
 * read ({@code GET} / {@code PUT /api/assessments/{id}/report-template}); the offline command's options and lines.
 */
final class RemoteReportTemplate {

    private RemoteReportTemplate() {}

    @Command(
            name = "report-template",
            mixinStandardHelpOptions = true,
            description = "cli.remote.report-template.description")
    static class ReportTemplate extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(
                names = "--template",
                paramLabel = "2025|2021|auto",
                descriptionKey = "cli.reportTemplate.option.template")
        String template;

        @Option(
                names = "--contract-date",
                paramLabel = "DATE",
                descriptionKey = "cli.reportTemplate.option.contractDate")
        LocalDate contractDate;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            String path = "/api/assessments/" + id + "/report-template";
            JsonNode s = server.get(path);
            if (template != null || contractDate != null) {
                String t = template == null
                        ? null
                        : switch (template.strip().toLowerCase(Locale.ROOT)) {
                            case "auto" -> null;
                            case "2025", "t2025" -> "T2025";
                            case "2021", "t2021" -> "T2021";
                            default ->
                                throw Server.input(
                                        "cli.remote.badOption", "--template", Texts.get("cli.reportTemplate.error"));
                        };
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("template", t);
                body.put("contractDate", contractDate == null ? null : contractDate.toString());
                body.put("version", s.path("version").asLong());
                s = server.send("PUT", path, body);
            }
            if (json) {
                json(out, s);
                return 0;
            }
            String policyKey = "report.policy." + s.path("policyId").asString();
            String policy = Texts.get(policyKey);
            String version = s.path("policyVersion").asString();
            out.println(Texts.get(
                    "cli.reportTemplate.current",
                    label("enum.ReportTemplate.", s.path("template")),
                    Texts.get(
                            "report.summary.policyVersion",
                            policy.equals(policyKey) ? s.path("policyId").asString() : policy,
                            version.startsWith("v") ? version.substring(1) : version)));
            out.println(Texts.get(
                    "cli.reportTemplate.contractDate",
                    s.path("contractDate").isNull() || s.path("contractDate").isMissingNode()
                            ? Texts.get("cli.reportTemplate.noContractDate")
                            : s.path("contractDate").asString()));
            return 0;
        }
    }
}
