package org.yunjian.findings.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.findings.FindingImports;
import org.yunjian.findings.FindingRecords.Import;
import org.yunjian.findings.FindingRecords.Target;
import org.yunjian.findings.ImportKind;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian assessment import-results | import-poam | imported-findings}: imports an OSCAL assessment-results
 * or POA&amp;M file into an assessment as a named user (its assessor), and lists imports and their entries, mapped
 * and unmapped. Adopting and dismissing are the assessor's decisions on the page or through the REST API.
 */
public final class FindingImportCommands {

    private FindingImportCommands() {}

    abstract static class ImportCommand extends org.yunjian.security.ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Parameters(index = "1", descriptionKey = "cli.assessment.option.file")
        Path file;

        private final FindingImports imports;
        private final ImportKind kind;

        ImportCommand(
                UserAdministration users, ApplicationEventPublisher events, FindingImports imports, ImportKind kind) {
            super(users, events);
            this.imports = imports;
            this.kind = kind;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                // one byte over the limit is enough for the service to refuse it by size
                content = in.readNBytes(FindingImports.MAX_BYTES + 1);
            }
            var v = imports.importFile(id, kind, file.getFileName().toString(), content);
            out.println(Texts.get(
                    "findings.import.done",
                    v.source().file().displayName(),
                    v.size(),
                    v.unmapped().size()));
            print(out, v);
            return 0;
        }
    }

    static void print(PrintWriter out, FindingImports.View v) {
        out.println(Texts.get("findings.cli.import", v.source().id(), v.source().title()));
        for (var p : v.mapped()) {
            for (Target t : p.targets()) {
                out.println(String.join(
                        "  ",
                        Texts.get("findings.cli.mapped"),
                        t.id().toString(),
                        Msg.of(p.finding().kind()).text(),
                        String.valueOf(p.finding().controlId()),
                        t.requirementId(),
                        Msg.of(t.relationship()).text(),
                        Msg.of(t.state()).text(),
                        String.valueOf(p.finding().title())));
            }
        }
        for (var p : v.unmapped()) {
            out.println(String.join(
                    "  ",
                    Texts.get("findings.cli.unmapped"),
                    Msg.of(p.finding().kind()).text(),
                    p.finding().controlId() == null
                            ? Texts.get("findings.control.none")
                            : p.finding().controlId(),
                    String.valueOf(p.finding().title())));
        }
    }

    @Command(
            name = "import-results",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.import-results.description}")
    @CliMount(value = "assessment", order = 90)
    public static class ImportResults extends ImportCommand {
        ImportResults(UserAdministration users, ApplicationEventPublisher events, FindingImports imports) {
            super(users, events, imports, ImportKind.RESULTS);
        }
    }

    @Command(
            name = "import-poam",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.import-poam.description}")
    @CliMount(value = "assessment", order = 100)
    public static class ImportPoam extends ImportCommand {
        ImportPoam(UserAdministration users, ApplicationEventPublisher events, FindingImports imports) {
            super(users, events, imports, ImportKind.POAM);
        }
    }

    @Command(
            name = "imported-findings",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.imported-findings.description}")
    @CliMount(value = "assessment", order = 110)
    public static class ImportedFindings extends org.yunjian.security.ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Parameters(index = "1", arity = "0..1", descriptionKey = "cli.assessment.option.import")
        UUID importId;

        private final FindingImports imports;

        ImportedFindings(UserAdministration users, ApplicationEventPublisher events, FindingImports imports) {
            super(users, events);
            this.imports = imports;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (importId != null) {
                var v = imports.view(importId);
                if (!v.source().assessmentId().equals(id)) {
                    throw new org.yunjian.shared.NotFoundException("finding import", importId);
                }
                print(out, v);
                return 0;
            }
            var list = imports.imports(id);
            if (list.isEmpty()) {
                out.println(Texts.get("findings.imports.empty"));
            }
            for (Import i : list) {
                out.println(String.join(
                        "  ",
                        i.id().toString(),
                        Msg.of(i.kind()).text(),
                        i.file().displayName(),
                        i.importedBy(),
                        Formats.minute(i.importedAt())));
            }
            return 0;
        }
    }
}
