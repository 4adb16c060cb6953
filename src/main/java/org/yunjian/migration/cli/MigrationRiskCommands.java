package org.yunjian.migration.cli;

import java.io.PrintWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.lifecycle.cli.OnSystem;
import org.yunjian.migration.MigrationRisk;
import org.yunjian.migration.internal.MigrationRisks;
import org.yunjian.migration.internal.MigrationService;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yunjian lifecycle migration list-risks | rate-risk | treat-risk}: the migration plan's risk register (the
 * government-website guide's 5.2.1 a)–g), quoted) from the command line, with the same rules, access and audit as the
 * page and {@code /api/systems/{id}/lifecycle/migration/risks}.
 */
final class MigrationRiskCommands {

    private MigrationRiskCommands() {}

    /** {@code list-risks --system ID}: each risk with its clause, level, owner and treatment, and the guide's text. */
    @Command(name = "list-risks", mixinStandardHelpOptions = true)
    static class ListRisks extends OnSystem {

        private final MigrationRisks risks;
        private final MigrationService migration;

        ListRisks(
                UserAdministration users,
                ApplicationEventPublisher events,
                MigrationRisks risks,
                MigrationService migration) {
            super(users, events);
            this.risks = risks;
            this.migration = migration;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            var register = risks.register(systemId);
            MigrationService.View v = migration.view(systemId);
            out.println(Texts.get("cli.lifecycle.risk.head", v.access().system().name(), register.size()));
            for (MigrationRisks.Entry e : register) {
                MigrationRisk a = e.assessment();
                out.println(Texts.get(
                        "cli.lifecycle.risk.line",
                        ClauseLabel.of(e.risk()).text(),
                        a.level() == null
                                ? Texts.get("lifecycle.risk.unassessed")
                                : Msg.of(a.level()).text(),
                        a.likelihood() == null ? "—" : Msg.of(a.likelihood()).text(),
                        a.impact() == null ? "—" : Msg.of(a.impact()).text(),
                        v.org(a.ownerOrg()),
                        a.treated()
                                ? Texts.get("lifecycle.risk.treatedOn", Formats.date(a.treatedOn()))
                                : a.awaitsTreatmentBy().isPresent() ? Texts.get("lifecycle.risk.awaiting") : "—",
                        e.risk().id().value()));
                out.println(Texts.get("cli.lifecycle.risk.text", e.risk().text()));
                if (a.treatment() != null) {
                    out.println(Texts.get("cli.lifecycle.risk.treatment", a.treatment()));
                }
            }
            return 0;
        }
    }

    /**
     * {@code rate-risk --system ID --risk GOVWEB-5.2.1-a --likelihood HIGH --impact MEDIUM [--treatment TEXT]
     * [--owner ORGANISATION_ID]}: the customer assesses a risk (a high one needs a treatment and an owner).
     */
    @Command(name = "rate-risk", mixinStandardHelpOptions = true)
    static class RateRisk extends OnSystem {

        @Option(names = "--risk", required = true, paramLabel = "RISK_ID", descriptionKey = "cli.lifecycle.option.risk")
        String risk;

        @Option(names = "--likelihood", paramLabel = "RATING", descriptionKey = "cli.lifecycle.option.likelihood")
        String likelihood;

        @Option(names = "--impact", paramLabel = "RATING", descriptionKey = "cli.lifecycle.option.impact")
        String impact;

        @Option(names = "--treatment", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.option.treatment")
        String treatment;

        @Option(names = "--owner", paramLabel = "ORGANISATION_ID", descriptionKey = "cli.lifecycle.ops.option.owner")
        String owner;

        private final MigrationRisks risks;

        RateRisk(UserAdministration users, ApplicationEventPublisher events, MigrationRisks risks) {
            super(users, events);
            this.risks = risks;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            MigrationRisk r = risks.assess(
                    systemId, risk, null, new MigrationRisks.RiskInput(likelihood, impact, treatment, owner, null));
            out.println(Texts.get(
                    "cli.lifecycle.risk.rated",
                    r.risk().value(),
                    Msg.of(r.level()).text()));
            return 0;
        }
    }

    /** {@code treat-risk --system ID --risk ID --treated-on YYYY-MM-DD}: the treatment carried out. */
    @Command(name = "treat-risk", mixinStandardHelpOptions = true)
    static class TreatRisk extends OnSystem {

        @Option(names = "--risk", required = true, paramLabel = "RISK_ID", descriptionKey = "cli.lifecycle.option.risk")
        String risk;

        @Option(
                names = "--treated-on",
                required = true,
                paramLabel = "YYYY-MM-DD",
                descriptionKey = "cli.lifecycle.option.treatedOn")
        String treatedOn;

        private final MigrationRisks risks;

        TreatRisk(UserAdministration users, ApplicationEventPublisher events, MigrationRisks risks) {
            super(users, events);
            this.risks = risks;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            MigrationRisk r = risks.treat(systemId, risk, null, treatedOn);
            out.println(Texts.get("cli.lifecycle.risk.treated", r.risk().value(), Formats.date(r.treatedOn())));
            return 0;
        }
    }
}
