package org.yunjian.migration.cli;

import java.io.PrintWriter;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.lifecycle.cli.OnSystem;
import org.yunjian.migration.SupervisionChange;
import org.yunjian.migration.SupervisionReport;
import org.yunjian.migration.internal.SupervisionService;
import org.yunjian.responsibility.SystemIncidents;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian lifecycle supervision …}: provider reports, incidents and change requests from the command line,
 * acting as a named user. Not registered by itself: the lifecycle command adds it.
 */
@Command(
        name = "supervision",
        mixinStandardHelpOptions = true,
        subcommands = {
            SupervisionCommand.Show.class,
            SupervisionCommand.RequestChange.class,
            SupervisionCommand.Decide.class
        })
@CliMount(value = "lifecycle", order = 70)
public class SupervisionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code show-supervision --system ID}. */
    @Command(name = "show-supervision", mixinStandardHelpOptions = true)
    static class Show extends OnSystem {

        private final SupervisionService service;

        Show(UserAdministration users, ApplicationEventPublisher events, SupervisionService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            SupervisionService.View v = service.view(systemId);
            out.println(Texts.get(
                    "lifecycle.ops.cli.supervision.head", v.access().system().name()));
            for (SupervisionReport r : v.reports()) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.report",
                        Msg.of(r.kind()).text(),
                        Formats.date(r.periodStart()),
                        Formats.date(r.periodEnd()),
                        Formats.date(r.receivedOn()),
                        r.reviewed() ? Msg.of(r.conclusion()).text() : Texts.get("lifecycle.ops.report.notReviewed")));
            }
            for (SystemIncidents.RecordedIncident i : v.incidents()) {
                out.println(
                        Texts.get("lifecycle.ops.cli.incident", Formats.minute(i.occurredAt()), i.number(), i.title()));
            }
            for (SupervisionChange c : v.changes()) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.change",
                        c.title(),
                        Msg.of(c.risk()).text(),
                        Msg.of(c.status()).text(),
                        v.org(c.requestedOrg()),
                        c.id()));
            }
            if (v.reports().isEmpty() && v.changes().isEmpty() && v.incidents().isEmpty()) {
                out.println(Texts.get("lifecycle.ops.cli.supervision.empty"));
            }
            return 0;
        }
    }

    /** {@code request-change}: the provider (or the customer) asks for a change needing the customer's approval. */
    @Command(name = "request-change", mixinStandardHelpOptions = true)
    static class RequestChange extends OnSystem {

        @Option(names = "--title", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.ops.option.title")
        String title;

        @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.ops.option.reason")
        String reason;

        @Option(names = "--start", paramLabel = "YYYY-MM-DDTHH:MM", descriptionKey = "cli.lifecycle.ops.option.start")
        String start;

        @Option(names = "--end", paramLabel = "YYYY-MM-DDTHH:MM", descriptionKey = "cli.lifecycle.ops.option.end")
        String end;

        @Option(names = "--risk", paramLabel = "LOW|MEDIUM|HIGH", descriptionKey = "cli.lifecycle.ops.option.risk")
        String risk;

        @Option(names = "--risk-notes", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.ops.option.riskNotes")
        String riskNotes;

        @Option(names = "--major", descriptionKey = "cli.lifecycle.ops.option.major")
        boolean major;

        private final SupervisionService service;

        RequestChange(UserAdministration users, ApplicationEventPublisher events, SupervisionService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            SupervisionChange c = service.requestChange(
                    systemId, new SupervisionService.ChangeInput(title, reason, start, end, risk, riskNotes, major));
            out.println(Texts.get(
                    "lifecycle.ops.cli.changeSaved",
                    c.title(),
                    Msg.of(c.status()).text(),
                    c.id()));
            return 0;
        }
    }

    /** {@code decide-change --change ID --approve|--refuse [--reason TEXT] --confirm}: the customer decides. */
    @Command(name = "decide-change", mixinStandardHelpOptions = true)
    static class Decide extends OnSystem {

        @Option(
                names = "--change",
                required = true,
                paramLabel = "CHANGE_ID",
                descriptionKey = "cli.lifecycle.ops.option.change")
        UUID changeId;

        @Option(names = "--approve", descriptionKey = "cli.lifecycle.ops.option.approve")
        boolean approve;

        @Option(names = "--refuse", descriptionKey = "cli.lifecycle.ops.option.refuse")
        boolean refuse;

        @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.ops.option.decisionReason")
        String reason;

        @Option(
                names = "--regulator-reviewed-on",
                paramLabel = "YYYY-MM-DD",
                descriptionKey = "cli.lifecycle.ops.option.regulatorReviewedOn")
        String regulatorReviewedOn;

        @Option(
                names = "--regulator-reference",
                paramLabel = "TEXT",
                descriptionKey = "cli.lifecycle.ops.option.regulatorReference")
        String regulatorReference;

        @Option(names = "--confirm", descriptionKey = "cli.lifecycle.ops.option.confirm")
        boolean confirm;

        private final SupervisionService service;

        Decide(UserAdministration users, ApplicationEventPublisher events, SupervisionService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (approve == refuse) {
                err.println(Texts.get("lifecycle.ops.cli.decideOne"));
                return 2;
            }
            if (!confirm) {
                err.println(Texts.get("lifecycle.ops.cli.confirmFirst"));
                return 2;
            }
            SupervisionChange c = service.decide(
                    systemId,
                    changeId,
                    null,
                    new SupervisionService.DecisionInput(
                            approve ? "APPROVE" : "REFUSE", reason, regulatorReviewedOn, regulatorReference, null));
            out.println(Texts.get(
                    "lifecycle.ops.cli.changeSaved",
                    c.title(),
                    Msg.of(c.status()).text(),
                    c.id()));
            return 0;
        }
    }
}
