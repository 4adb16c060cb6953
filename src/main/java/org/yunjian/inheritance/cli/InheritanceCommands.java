package org.yunjian.inheritance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import org.yunjian.shared.version.ExpectedVersion;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian assessment sources | record-conclusion | inherit | withdraw-inheritance}: inherited items from the
 * command line, acting as a named user like the other assessment commands. An item is named by its requirement id
 * (its cloud-platform item) or its item id.
 */
public final class InheritanceCommands {

    private InheritanceCommands() {}

    /** The item of an assessment named by item id or requirement id (the cloud-platform item first). */
    static UUID itemOf(AssessmentService service, UUID assessmentId, String item) {
        List<TestItem> items = service.items(assessmentId, null, null, null);
        return items.stream()
                .filter(i -> i.id().toString().equalsIgnoreCase(item))
                .findFirst()
                .or(() -> items.stream()
                        .filter(i -> i.requirementId().equalsIgnoreCase(item))
                        .sorted((a, b) -> a.side().compareTo(b.side()))
                        .findFirst())
                .map(TestItem::id)
                .orElseThrow(() -> new NotFoundException("assessment item", item));
    }

    @Command(
            name = "sources",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.sources.description}")
    @CliMount(value = "assessment", order = 50)
    public static class Sources extends org.yunjian.security.ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        private final Inheritances inheritances;

        Sources(UserAdministration users, ApplicationEventPublisher events, Inheritances inheritances) {
            super(users, events);
            this.inheritances = inheritances;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            List<Inheritances.Source> sources = inheritances.sources(id);
            if (sources.isEmpty()) {
                out.println(Texts.get("assessment.inherit.sources.empty"));
                return 0;
            }
            for (Inheritances.Source s : sources) {
                out.println(String.join(
                        "  ",
                        s.id().toString(),
                        Msg.of(s.kind()).text(),
                        s.label().text(),
                        s.verdict() == null ? "—" : Msg.of(s.verdict()).text(),
                        Texts.get(s.fresh() ? "assessment.inherit.fresh" : "assessment.inherit.stale")));
            }
            return 0;
        }
    }

    @Command(
            name = "record-conclusion",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.record-conclusion.description}")
    @CliMount(value = "assessment", order = 60)
    public static class RecordConclusion extends org.yunjian.security.ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(names = "--report-number", required = true, descriptionKey = "cli.assessment.option.reportNumber")
        String reportNumber;

        @Option(names = "--organisation", required = true, descriptionKey = "cli.assessment.option.organisation")
        String organisation;

        @Option(names = "--date", required = true, descriptionKey = "cli.assessment.option.date")
        LocalDate date;

        @Option(names = "--verdict", required = true, descriptionKey = "cli.assessment.option.verdict")
        Verdict verdict;

        @Option(names = "--risk", descriptionKey = "cli.assessment.option.risk")
        RiskLevel risk;

        @Option(names = "--pdf", descriptionKey = "cli.assessment.option.pdf")
        Path pdf;

        private final Inheritances inheritances;

        RecordConclusion(UserAdministration users, ApplicationEventPublisher events, Inheritances inheritances) {
            super(users, events);
            this.inheritances = inheritances;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            byte[] content = null;
            if (pdf != null) {
                try (InputStream in = Files.newInputStream(pdf)) {
                    // one byte over the evidence limit is enough for the service to refuse it by size
                    content = in.readNBytes(64 * 1024 * 1024);
                }
            }
            var s = inheritances.recordConclusion(
                    id,
                    new Inheritances.ConclusionInput(reportNumber, organisation, date, verdict, risk),
                    pdf == null ? null : pdf.getFileName().toString(),
                    content);
            out.println(Texts.get("assessment.inherit.recorded", s.label()));
            out.println(Texts.get("cli.assessment.sourceId", s.id()));
            return 0;
        }
    }

    /** Exactly one of: one item, or every cloud-platform item (the explicit {@code --all} is the confirmation). */
    static class Target {
        @Option(names = "--item", required = true, descriptionKey = "cli.assessment.option.item")
        String item;

        @Option(names = "--all", required = true, descriptionKey = "cli.assessment.option.all")
        boolean all;
    }

    @Command(
            name = "inherit",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.inherit.description}")
    @CliMount(value = "assessment", order = 70)
    public static class Inherit extends org.yunjian.security.ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @Option(names = "--source", required = true, descriptionKey = "cli.assessment.option.source")
        UUID source;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        private final Inheritances inheritances;
        private final AssessmentService service;

        Inherit(
                UserAdministration users,
                ApplicationEventPublisher events,
                Inheritances inheritances,
                AssessmentService service) {
            super(users, events);
            this.inheritances = inheritances;
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (target.all) {
                // one command reads and changes at once: it names the version it has just read
                var r = inheritances.inheritAll(
                        id,
                        ExpectedVersion.exactly(service.access(id).assessment().version()),
                        source);
                out.println(Texts.get(
                        "assessment.inherit.bulkDone",
                        r.inherited(),
                        r.skipped().size()));
                return 0;
            }
            UUID itemId = itemOf(service, id, target.item);
            var i = inheritances.inherit(
                    itemId, ExpectedVersion.exactly(service.item(itemId).item().version()), source);
            var item = service.item(i.itemId()).item();
            out.println(Texts.get(
                    "cli.assessment.inherited",
                    item.requirementId(),
                    Msg.of(item.side()),
                    Msg.of(item.verdict()),
                    i.source().label()));
            return 0;
        }
    }

    @Command(
            name = "withdraw-inheritance",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.withdraw-inheritance.description}")
    @CliMount(value = "assessment", order = 80)
    public static class Withdraw extends org.yunjian.security.ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        private final Inheritances inheritances;
        private final AssessmentService service;

        Withdraw(
                UserAdministration users,
                ApplicationEventPublisher events,
                Inheritances inheritances,
                AssessmentService service) {
            super(users, events);
            this.inheritances = inheritances;
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (target.all) {
                out.println(Texts.get(
                        "assessment.inherit.withdrawnAll",
                        inheritances.withdrawAll(
                                id,
                                ExpectedVersion.exactly(
                                        service.access(id).assessment().version()))));
                return 0;
            }
            UUID itemId = itemOf(service, id, target.item);
            TestItem item = inheritances.withdraw(
                    itemId, ExpectedVersion.exactly(service.item(itemId).item().version()));
            out.println(Texts.get(
                    "cli.assessment.withdrawn",
                    item.requirementId(),
                    Msg.of(item.side()),
                    item.verdict() == null ? Msg.of("report.verdict.none") : Msg.of(item.verdict())));
            return 0;
        }
    }
}
