package org.yunjian.workbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Verdict;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.report.OscalDocuments;
import org.yunjian.report.Reports;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import org.yunjian.workbench.internal.Workbooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The workbench's subcommands of {@code yunjian assessment} (the group is the {@code assessment} feature's, mounted by
 * name, see {@link CliMount}): list assessments, export and import the offline workbook, write the reports.
 *
 * <p>The commands act <em>as a named user</em> ({@code --as USERNAME}): the operator of the installation could
 * read the database anyway, but acting as a user keeps the module's object scope (what that user sees and may
 * change) and puts the user's name on the audit entries. Each run records {@code cli.act-as} with the
 * operating-system user, so the log shows who acted for whom.
 */
public final class AssessmentCommands {

    private AssessmentCommands() {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "${bundle:cli.assessment.list.description}")
    @CliMount(value = "assessment", order = 10)
    static class ListAssessments extends ActingCommand {
        @Option(names = "--system", descriptionKey = "cli.assessment.option.system")
        UUID systemId;

        private final AssessmentService service;

        ListAssessments(UserAdministration users, ApplicationEventPublisher events, AssessmentService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            List<AssessmentInfo> all = service.list(systemId);
            if (all.isEmpty()) {
                out.println(Texts.get("cli.assessment.list.empty"));
                return 0;
            }
            out.println(String.join(
                    "  ",
                    Texts.get("cli.assessment.list.id"),
                    Texts.get("cli.assessment.list.number"),
                    Texts.get("cli.assessment.list.status"),
                    Texts.get("cli.assessment.list.kind"),
                    Texts.get("cli.assessment.list.created"),
                    Texts.get("cli.assessment.list.name")));
            for (AssessmentInfo a : all) {
                out.println(String.join(
                        "  ",
                        a.id().toString(),
                        a.reportNumber() == null ? "—" : a.reportNumber(),
                        Msg.of(a.status()).text(),
                        Msg.of(a.assessorKind()).text(),
                        Formats.date(a.createdAt()),
                        a.name()));
            }
            return 0;
        }
    }

    @Command(
            name = "export-workbook",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.export-workbook.description}")
    @CliMount(value = "assessment", order = 20)
    static class ExportWorkbook extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(
                names = {"-o", "--out"},
                required = true,
                descriptionKey = "cli.assessment.option.out")
        Path file;

        private final Workbooks workbooks;

        ExportWorkbook(UserAdministration users, ApplicationEventPublisher events, Workbooks workbooks) {
            super(users, events);
            this.workbooks = workbooks;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            byte[] xlsx = workbooks.export(id);
            Files.write(file, xlsx);
            out.println(Texts.get("cli.assessment.wrote", file, Formats.size(xlsx.length)));
            return 0;
        }
    }

    @Command(
            name = "import-workbook",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.import-workbook.description}")
    @CliMount(value = "assessment", order = 30)
    static class ImportWorkbook extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Parameters(index = "1", descriptionKey = "cli.assessment.option.in")
        Path file;

        private final Workbooks workbooks;

        ImportWorkbook(UserAdministration users, ApplicationEventPublisher events, Workbooks workbooks) {
            super(users, events);
            this.workbooks = workbooks;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(Workbooks.MAX_BYTES + 1);
            }
            try {
                Workbooks.ImportReport r = workbooks.importWorkbook(id, content);
                out.println(Texts.get(
                        "cli.assessment.imported",
                        r.applied(),
                        r.unchanged(),
                        r.conflicts().size()));
                for (Workbooks.Conflict c : r.conflicts()) {
                    out.println(Texts.get(
                            "cli.assessment.conflictRow",
                            c.row(),
                            c.requirementId(),
                            Msg.of(c.side()),
                            verdict(c.platformVerdict()),
                            verdict(c.workbookVerdict())));
                }
                return 0;
            } catch (Workbooks.WorkbookRejected e) {
                err.println(Texts.get("cli.assessment.rejected", e.problems().size()));
                e.problems().forEach(p -> err.println("  " + p.describe()));
                return 1;
            }
        }
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.report.description}")
    @CliMount(value = "assessment", order = 40)
    static class Report extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(names = "--format", required = true, descriptionKey = "cli.assessment.option.format")
        String format;

        @Option(
                names = {"-o", "--out"},
                required = true,
                descriptionKey = "cli.assessment.option.reportOut")
        Path file;

        private final Reports reports;
        private final OscalDocuments oscal;

        Report(UserAdministration users, ApplicationEventPublisher events, Reports reports, OscalDocuments oscal) {
            super(users, events);
            this.reports = reports;
            this.oscal = oscal;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            String channel = "cli:" + System.getProperty("user.name", "unknown");
            String f = format.strip().toLowerCase(java.util.Locale.ROOT);
            if (f.startsWith("oscal-plan") || f.startsWith("oscal-poam")) {
                // oscal-plan, oscal-plan-xml, oscal-poam, oscal-poam-xml: the documents beside the results
                OscalDocuments.Document d = oscal.export(
                        id,
                        OscalDocuments.Kind.parse(f.substring(6, 10)),
                        f.endsWith("-xml") ? OscalFormat.XML : OscalFormat.JSON,
                        channel);
                Files.write(file, d.content());
                out.println(Texts.get(
                        "cli.assessment.wroteReport",
                        file,
                        Msg.of("assessment.reportFormat.OSCAL_"
                                + f.substring(6, 10).toUpperCase(java.util.Locale.ROOT)),
                        Formats.size(d.content().length),
                        d.name().forPeople()));
                return 0;
            }
            Reports.Document d = reports.export(id, Reports.Format.parse(format), channel);
            Files.write(file, d.content());
            out.println(Texts.get(
                    "cli.assessment.wroteReport",
                    file,
                    Msg.of("assessment.reportFormat." + d.format().name()),
                    Formats.size(d.content().length),
                    d.fileName()));
            return 0;
        }
    }

    static Object verdict(Verdict v) {
        return v == null ? Msg.of("report.verdict.none") : Msg.of(v);
    }
}
