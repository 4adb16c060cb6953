package org.yunjian.risk.cli;

import java.io.PrintWriter;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.risk.RiskRegister;
import org.yunjian.risk.internal.FollowUps;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian assessment risks | follow-up}: the risk and remediation register from the command line, acting as a
 * named user like the other assessment commands.
 */
public final class RiskCommands {

    private RiskCommands() {}

    @Command(
            name = "risks",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.risks.description}")
    @CliMount(value = "assessment", order = 230)
    public static class Risks extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        private final RiskRegister register;

        Risks(UserAdministration users, ApplicationEventPublisher events, RiskRegister register) {
            super(users, events);
            this.register = register;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            RiskRegister.Register r = register.view(id);
            var s = r.summary();
            out.println(Texts.get(
                    "cli.assessment.risks.summary",
                    s.findings(),
                    s.open(),
                    s.overdue(),
                    s.unplanned(),
                    s.accepted(),
                    s.expired()));
            if (r.entries().isEmpty()) {
                out.println(Texts.get("cli.assessment.risks.empty"));
                return 0;
            }
            out.println(String.join(
                    "  ",
                    Texts.get("risk.export.requirement"),
                    Texts.get("risk.export.side"),
                    Texts.get("risk.export.risk"),
                    Texts.get("risk.export.treatment"),
                    Texts.get("risk.export.owner"),
                    Texts.get("risk.export.due"),
                    Texts.get("risk.export.state"),
                    Texts.get("risk.export.retest")));
            for (RiskRegister.Entry e : r.entries()) {
                String retest = e.retest() == null
                        ? "—"
                        : e.retest().verdict() == null
                                ? Texts.get("risk.retest.pending")
                                : Texts.get(
                                                "risk.retest.line",
                                                Msg.of(e.retest().verdict()).text(),
                                                Formats.date(e.retest().at()))
                                        + ", "
                                        + Texts.get(
                                                "risk.retest.report", e.retest().reportNumber());
                out.println(String.join(
                        "  ",
                        e.item().requirementId(),
                        Msg.of(e.item().side()).text(),
                        e.risk() == null ? "—" : Msg.of(e.risk()).text(),
                        Msg.of(e.treatment()).text(),
                        e.ownerName() + (e.transferName() == null ? "" : " → " + e.transferName()),
                        e.task().dueDate() == null
                                ? Texts.get("risk.due.none")
                                : Formats.date(e.task().dueDate())
                                        + (e.overdue() ? " (" + Texts.get("risk.overdue") + ")" : ""),
                        Msg.of(e.state()).text()
                                + (e.acceptance() == null
                                        ? ""
                                        : " "
                                                + Texts.get(
                                                        "risk.acceptance.until",
                                                        Formats.date(
                                                                e.acceptance().expiresOn()))),
                        retest));
            }
            return 0;
        }
    }

    @Command(
            name = "follow-up",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.follow-up.description}")
    @CliMount(value = "assessment", order = 240)
    public static class FollowUp extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        private final FollowUps followUps;
        private final AssessmentService assessments;

        FollowUp(
                UserAdministration users,
                ApplicationEventPublisher events,
                FollowUps followUps,
                AssessmentService assessments) {
            super(users, events);
            this.followUps = followUps;
            this.assessments = assessments;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            var a = followUps.create(id);
            out.println(Texts.get(
                    "cli.assessment.followUp.created",
                    a.id().toString(),
                    a.reportNumber(),
                    assessments.items(a.id(), null, null, null).size()));
            return 0;
        }
    }
}
