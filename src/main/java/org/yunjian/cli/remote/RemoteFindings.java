package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.json;
import static org.yunjian.cli.remote.RemoteCommands.label;
import static org.yunjian.cli.remote.RemoteCommands.minute;
import static org.yunjian.cli.remote.Table.column;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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
 * {@code yunjian assessment import-results | import-poam | imported-findings | adopt-finding | dismiss-finding}
 * against the server: an OSCAL assessment-results or POA&amp;M file uploaded as the page does, the imports and their
 * entries (the offline command's lines; {@code --json} the server's answer), and the assessor's decision on one
 * placed entry — adopted into its test item with a verdict, or dismissed with a reason — naming the placement's
 * version just read.
 */
final class RemoteFindings {

    private RemoteFindings() {}

    /** Uploads the file; prints the count line and every entry, mapped or unmapped, as offline. */
    abstract static class Import extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Parameters(index = "1", descriptionKey = "cli.findings.option.file")
        Path file;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        abstract String kind();

        @Override
        int act(PrintWriter out, PrintWriter err) throws IOException {
            JsonNode v = remote.server()
                    .upload("/api/assessments/" + id + "/finding-imports?kind=" + kind(), file, Map.of());
            if (json) {
                json(out, v);
                return 0;
            }
            int entries = v.path("mapped").size() + v.path("unmapped").size();
            out.println(Texts.get(
                    "cli.findings.importDone",
                    v.path("source").path("fileName").asString(),
                    entries,
                    v.path("unmapped").size()));
            print(out, v);
            return 0;
        }
    }

    @Command(
            name = "import-results",
            mixinStandardHelpOptions = true,
            description = "cli.remote.import-results.description")
    static class ImportResults extends Import {
        @Override
        String kind() {
            return "RESULTS";
        }
    }

    @Command(name = "import-poam", mixinStandardHelpOptions = true, description = "cli.remote.import-poam.description")
    static class ImportPoam extends Import {
        @Override
        String kind() {
            return "POAM";
        }
    }

    /** One import's lines as offline: a mapped line per placement (its ID is what a decision names), then the unmapped. */
    static void print(PrintWriter out, JsonNode v) {
        out.println(Texts.get(
                "cli.findings.import",
                v.path("source").path("id").asString(),
                Table.text(v.path("source").path("title"))));
        for (JsonNode e : v.path("mapped")) {
            for (JsonNode t : e.path("placements")) {
                out.println(String.join(
                        "  ",
                        Texts.get("cli.findings.mapped"),
                        t.path("id").asString(),
                        label("enum.EntryKind.", e.path("kind")),
                        Table.text(e.path("controlId")),
                        t.path("requirementId").asString(),
                        Texts.get("enum.Relationship."
                                + t.path("relationship")
                                        .asString()
                                        .replace('-', '_')
                                        .toUpperCase(Locale.ROOT)),
                        label("enum.TargetState.", t.path("state")),
                        Table.text(e.path("title"))));
            }
        }
        for (JsonNode e : v.path("unmapped")) {
            out.println(String.join(
                    "  ",
                    Texts.get("cli.findings.unmapped"),
                    label("enum.EntryKind.", e.path("kind")),
                    e.path("controlId").isNull() || e.path("controlId").isMissingNode()
                            ? Texts.get("cli.findings.controlNone")
                            : e.path("controlId").asString(),
                    Table.text(e.path("title"))));
        }
    }

    @Command(
            name = "imported-findings",
            mixinStandardHelpOptions = true,
            description = "cli.remote.imported-findings.description")
    static class ImportedFindings extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Parameters(index = "1", arity = "0..1", descriptionKey = "cli.findings.option.importOrAll")
        UUID importId;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            Server server = remote.server();
            if (importId != null) {
                JsonNode v = server.get("/api/finding-imports/" + importId);
                if (!v.path("source").path("assessmentId").asString().equals(id.toString())) {
                    throw Server.input("cli.findings.otherAssessment", importId, id);
                }
                if (json) {
                    json(out, v);
                } else {
                    print(out, v);
                }
                return 0;
            }
            JsonNode list = server.get("/api/assessments/" + id + "/finding-imports");
            if (json) {
                json(out, list);
                return 0;
            }
            if (list.isEmpty()) {
                err.println(Texts.get("cli.findings.importsEmpty"));
                return 0;
            }
            new Table(List.of(
                            column("cli.remote.column.id", "id"),
                            column("cli.remote.column.kind", r -> label("enum.ImportKind.", r.path("kind"))),
                            column("cli.findings.column.file", "fileName"),
                            column("cli.findings.column.importedBy", "importedBy"),
                            column("cli.findings.column.importedAt", r -> minute(r.path("importedAt")))))
                    .print(RemoteCommands.rows(list), out);
            return 0;
        }
    }

    /** A decision on one placed entry: reads the import to name the placement's version, then posts. */
    abstract static class Decide extends Acting {
        @Parameters(index = "0", descriptionKey = "cli.findings.option.import")
        UUID importId;

        @Parameters(index = "1", descriptionKey = "cli.findings.option.placement")
        UUID placement;

        @Option(names = "--reason", descriptionKey = "cli.findings.option.reason")
        String reason;

        @Option(names = "--confirm", descriptionKey = "cli.findings.option.confirm")
        boolean confirm;

        /** A decision is final (a decided entry is a 409): without {@code --confirm} nothing is sent, exit 1. */
        boolean unconfirmed(PrintWriter err) {
            if (!confirm) {
                err.println(Texts.get("cli.findings.confirmRequired"));
            }
            return !confirm;
        }

        /** The placement as the server shows it (with its requirement and version), or exit 2 naming it. */
        JsonNode placement(Server server) {
            JsonNode v = server.get("/api/finding-imports/" + importId);
            for (JsonNode e : v.path("mapped")) {
                for (JsonNode t : e.path("placements")) {
                    if (t.path("id").asString().equals(placement.toString())) {
                        return t;
                    }
                }
            }
            throw Server.input("cli.findings.noPlacement", placement, importId);
        }
    }

    @Command(
            name = "adopt-finding",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.adopt-finding.description")
    static class Adopt extends Decide {
        @Option(
                names = "--verdict",
                required = true,
                paramLabel = "COMPLIANT|PARTIALLY_COMPLIANT|NON_COMPLIANT|NOT_APPLICABLE",
                descriptionKey = "cli.findings.option.verdict")
        String verdict;

        @Option(names = "--risk", paramLabel = "HIGH|MEDIUM|LOW", descriptionKey = "cli.findings.option.risk")
        String risk;

        @Option(names = "--risk-reason", descriptionKey = "cli.findings.option.riskReason")
        String riskReason;

        @Option(names = "--due", paramLabel = "DATE", descriptionKey = "cli.findings.option.due")
        LocalDate due;

        @Override
        int act(PrintWriter out, PrintWriter err) {
            if (unconfirmed(err)) {
                return 1;
            }
            Server server = remote.server();
            JsonNode t = placement(server);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("verdict", verdict.strip().toUpperCase(Locale.ROOT));
            body.put("reason", reason);
            body.put("riskLevel", risk == null ? null : risk.strip().toUpperCase(Locale.ROOT));
            body.put("riskReason", riskReason);
            body.put("dueDate", due == null ? null : due.toString());
            body.put("version", t.path("version").asLong());
            JsonNode i = server.send("POST", "/api/imported-findings/" + placement + "/adoption", body);
            out.println(
                    Texts.get("cli.findings.adopted", i.path("requirementId").asString()) + " "
                            + label("enum.Verdict.", i.path("verdict")));
            return 0;
        }
    }

    @Command(
            name = "dismiss-finding",
            mixinStandardHelpOptions = true,
            description = "cli.assessment.dismiss-finding.description")
    static class Dismiss extends Decide {
        @Override
        int act(PrintWriter out, PrintWriter err) {
            if (reason == null || reason.isBlank()) {
                throw Server.input("cli.remote.badOption", "--reason", Texts.get("cli.findings.reasonRequired"));
            }
            if (unconfirmed(err)) {
                return 1;
            }
            Server server = remote.server();
            JsonNode t = placement(server);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason);
            body.put("version", t.path("version").asLong());
            server.send("POST", "/api/imported-findings/" + placement + "/dismissal", body);
            out.println(t.path("requirementId").asString() + ": " + Texts.get("cli.findings.dismissed"));
            return 0;
        }
    }
}
