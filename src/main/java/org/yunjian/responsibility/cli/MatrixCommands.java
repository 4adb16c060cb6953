package org.yunjian.responsibility.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.catalog.PartyRole;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.RoleAssistant;
import org.yunjian.responsibility.RoleDecision;
import org.yunjian.responsibility.RoleProposal;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.internal.HandOvers;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Changing a matrix from the command line as on its pages: generate it, decide a participant's roles with the
 * Annex A assistant, record an agreement, hand a duty's work on or take it back, record the day of a hand-over, sign
 * a version off. Each prints the version it made.
 */
final class MatrixCommands {

    private MatrixCommands() {}

    /** What every change command has: the system, the user acting, the service. */
    abstract static class Change extends ActingCommand {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        @Mixin
        BaseVersionOption baseVersion = new BaseVersionOption();

        final ResponsibilityService service;

        Change(UserAdministration users, ApplicationEventPublisher events, ResponsibilityService service) {
            super(users, events);
            this.service = service;
        }

        /** The version the change replaces: {@code --base-version}, else the current one. */
        ExpectedVersion base() {
            return baseVersion.of(() -> service.current(systemId).info().currentVersion());
        }

        /** The new version, as the pages say it. */
        int saved(PrintWriter out, MatrixView v) {
            out.println(Texts.get(
                    "cli.responsibility.saved",
                    v.version().version(),
                    Msg.of(v.version().status()).text()));
            return 0;
        }
    }

    /** {@code generate --system ID}: the first matrix, from the standard, for the system's parties. */
    @Command(name = "generate", mixinStandardHelpOptions = true)
    static class Generate extends Change {
        Generate(UserAdministration users, ApplicationEventPublisher events, ResponsibilityService service) {
            super(users, events, service);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return saved(out, service.create(systemId));
        }
    }

    /** A duty and one of its accountable parties. */
    abstract static class RowChange extends Change {
        @Option(
                names = "--duty",
                required = true,
                paramLabel = "DUTY_ID",
                descriptionKey = "cli.responsibility.option.duty")
        String duty;

        @Option(
                names = "--accountable",
                required = true,
                paramLabel = "ORG_ID",
                descriptionKey = "cli.responsibility.option.accountable")
        UUID accountable;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                descriptionKey = "cli.responsibility.option.role")
        PartyRole role;

        RowChange(UserAdministration users, ApplicationEventPublisher events, ResponsibilityService service) {
            super(users, events, service);
        }

        Accountable who() {
            return new Accountable(accountable, role);
        }
    }

    /** A change to one accountable party's chain on a duty, through {@link HandOvers}. */
    abstract static class ChainChange extends RowChange {
        final HandOvers handOvers;

        ChainChange(
                UserAdministration users,
                ApplicationEventPublisher events,
                ResponsibilityService service,
                HandOvers handOvers) {
            super(users, events, service);
            this.handOvers = handOvers;
        }
    }

    /** {@code hand-on ... --to ORG --agreement NAME --clause C [--on DAY]}: one more level, refused beyond 5 b) 1). */
    @Command(name = "hand-on", mixinStandardHelpOptions = true)
    static class HandOn extends ChainChange {
        @Option(names = "--to", required = true, paramLabel = "ORG_ID", descriptionKey = "cli.responsibility.option.to")
        UUID to;

        @Option(
                names = "--agreement",
                required = true,
                paramLabel = "NAME",
                descriptionKey = "cli.responsibility.option.agreement")
        String agreement;

        @Option(
                names = "--clause",
                required = true,
                paramLabel = "CLAUSE",
                descriptionKey = "cli.responsibility.option.clause")
        String clause;

        @Option(names = "--on", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.responsibility.option.handedOverOn")
        LocalDate on;

        HandOn(
                UserAdministration users,
                ApplicationEventPublisher events,
                ResponsibilityService service,
                HandOvers handOvers) {
            super(users, events, service, handOvers);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return saved(
                    out,
                    handOvers.handOn(systemId, duty, who(), new StoredHop(null, to, agreement, clause, on), base()));
        }
    }

    /**
     * {@code hand-over --system ID --duty D --accountable ORG --role R --hop N --on DAY}: the day hop N (1 for the first)
     * of the chain was handed over, which §5 b) 2) checks the agreement's signing date against.
     */
    @Command(name = "hand-over", mixinStandardHelpOptions = true)
    static class HandOver extends ChainChange {
        @Option(names = "--hop", required = true, paramLabel = "N", descriptionKey = "cli.responsibility.option.hop")
        int hop;

        @Option(
                names = "--on",
                required = true,
                paramLabel = "YYYY-MM-DD",
                descriptionKey = "cli.responsibility.option.handedOverOn")
        LocalDate on;

        HandOver(
                UserAdministration users,
                ApplicationEventPublisher events,
                ResponsibilityService service,
                HandOvers handOvers) {
            super(users, events, service, handOvers);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return saved(out, handOvers.recordHandOverDay(systemId, duty, who(), hop, on, base()));
        }
    }

    /** {@code take-back ...}: the last level of the chain taken back. */
    @Command(name = "take-back", mixinStandardHelpOptions = true)
    static class TakeBack extends ChainChange {
        TakeBack(
                UserAdministration users,
                ApplicationEventPublisher events,
                ResponsibilityService service,
                HandOvers handOvers) {
            super(users, events, service, handOvers);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return saved(out, handOvers.withdraw(systemId, duty, who(), base()));
        }
    }

    /**
     * {@code agreement --system ID --name N --party-a ORG --party-b ORG [--clause C ...] [--signed-on DAY]
     * [--supervision-clause C] [--accountability-clause C] [--consent-on DAY]}: an agreement recorded with what
     * T/CCIA 004-2024 §5 a) 3), b) 2), c) (and on a securities system JR/T 7.3 / 7.4.3) ask it to state.
     */
    @Command(name = "agreement", mixinStandardHelpOptions = true)
    static class RecordAgreement extends Change {
        @Option(
                names = "--name",
                required = true,
                paramLabel = "NAME",
                descriptionKey = "cli.responsibility.option.agreementName")
        String name;

        @Option(
                names = "--party-a",
                required = true,
                paramLabel = "ORG_ID",
                descriptionKey = "cli.responsibility.option.partyA")
        UUID partyA;

        @Option(
                names = "--party-b",
                required = true,
                paramLabel = "ORG_ID",
                descriptionKey = "cli.responsibility.option.partyB")
        UUID partyB;

        @Option(names = "--clause", paramLabel = "CLAUSE", descriptionKey = "cli.responsibility.option.agreementClause")
        List<String> clauses;

        @Option(names = "--signed-on", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.responsibility.option.signedOn")
        LocalDate signedOn;

        @Option(
                names = "--supervision-clause",
                paramLabel = "CLAUSE",
                descriptionKey = "cli.responsibility.option.supervisionClause")
        String supervisionClause;

        @Option(
                names = "--accountability-clause",
                paramLabel = "CLAUSE",
                descriptionKey = "cli.responsibility.option.accountabilityClause")
        String accountabilityClause;

        @Option(
                names = "--consent-on",
                paramLabel = "YYYY-MM-DD",
                descriptionKey = "cli.responsibility.option.consentOn")
        LocalDate consentOn;

        private final HandOvers handOvers;

        RecordAgreement(
                UserAdministration users,
                ApplicationEventPublisher events,
                ResponsibilityService service,
                HandOvers handOvers) {
            super(users, events, service);
            this.handOvers = handOvers;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return saved(
                    out,
                    handOvers.addAgreement(
                            systemId,
                            new HandOvers.AgreementInput(
                                    name,
                                    partyA,
                                    partyB,
                                    clauses == null ? List.of() : clauses,
                                    signedOn,
                                    supervisionClause,
                                    accountabilityClause,
                                    consentOn),
                            base()));
        }
    }

    /**
     * {@code consent --system ID --agreement NAME --on DAY}: the day the client (委托方, the customer) permitted the
     * provider to outsource or subcontract under a recorded agreement — JR/T 7.3, 7.4.3; the customer only.
     */
    @Command(name = "consent", mixinStandardHelpOptions = true)
    static class RecordConsent extends Change {
        @Option(
                names = "--agreement",
                required = true,
                paramLabel = "NAME",
                descriptionKey = "cli.responsibility.option.agreementName")
        String agreement;

        @Option(
                names = "--on",
                required = true,
                paramLabel = "YYYY-MM-DD",
                descriptionKey = "cli.responsibility.option.consentOn")
        LocalDate on;

        private final HandOvers handOvers;

        RecordConsent(
                UserAdministration users,
                ApplicationEventPublisher events,
                ResponsibilityService service,
                HandOvers handOvers) {
            super(users, events, service);
            this.handOvers = handOvers;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return saved(out, handOvers.recordConsent(systemId, agreement, on, base()));
        }
    }

    /** {@code sign-off --system ID --side customer|provider --confirm}: the caller's side signs the current version. */
    @Command(name = "sign-off", mixinStandardHelpOptions = true)
    static class SignOff extends Change {
        @Option(
                names = "--side",
                required = true,
                paramLabel = "CUSTOMER|PROVIDER",
                descriptionKey = "cli.responsibility.option.signSide")
        SignOffSide side;

        @Option(names = "--confirm", descriptionKey = "cli.responsibility.option.confirm")
        boolean confirm;

        SignOff(UserAdministration users, ApplicationEventPublisher events, ResponsibilityService service) {
            super(users, events, service);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (!confirm) {
                MatrixView v = service.current(systemId); // a stranger is told "not found", not what to confirm
                err.println(Texts.get(
                        "cli.responsibility.signOff.unconfirmed", v.version().version()));
                return 2;
            }
            return saved(out, service.signOff(systemId, side, base()));
        }
    }

    /**
     * {@code roles --system ID --organisation ORG --behaviour B ...}: the Annex A proposal with the rows supporting
     * it; {@code --confirm} stores it, {@code --set ROLE ... --reason TEXT} overrides it.
     */
    @Command(name = "roles", mixinStandardHelpOptions = true)
    static class Roles extends Change {
        @Option(
                names = "--organisation",
                required = true,
                paramLabel = "ORG_ID",
                descriptionKey = "cli.responsibility.option.organisation")
        UUID organisation;

        @Option(
                names = "--behaviour",
                required = true,
                paramLabel = "BEHAVIOUR",
                descriptionKey = "cli.responsibility.option.behaviour")
        List<Behaviour> behaviours;

        @Option(names = "--confirm", descriptionKey = "cli.responsibility.option.confirmRoles")
        boolean confirm;

        @Option(names = "--set", paramLabel = "ROLE", descriptionKey = "cli.responsibility.option.setRoles")
        List<PartyRole> roles;

        @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "cli.responsibility.option.reason")
        String reason;

        Roles(UserAdministration users, ApplicationEventPublisher events, ResponsibilityService service) {
            super(users, events, service);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            Set<Behaviour> ticked = EnumSet.copyOf(behaviours);
            RoleDecision proposal = service.propose(systemId, organisation, ticked);
            for (RoleProposal p : proposal.proposal()) {
                out.println(Texts.get(
                        "cli.responsibility.roles.proposed",
                        Msg.of(p.role()).text(),
                        Msg.joined(
                                        "responsibility.list",
                                        p.support().stream()
                                                .map(RoleAssistant.Row::ref)
                                                .toList())
                                .text()));
            }
            if (!confirm && (roles == null || roles.isEmpty())) {
                out.println(Texts.get("cli.responsibility.roles.howTo"));
                return 0;
            }
            Set<PartyRole> chosen = confirm ? null : EnumSet.copyOf(roles);
            return saved(out, service.decideRoles(systemId, organisation, ticked, chosen, reason, base()));
        }
    }

    /**
     * {@code answer --system ID --question Q --answer yes|no|none}: an applicability question of the standard answered
     * for the system (none withdraws the answer); the customer answers. Without {@code --question}, the questions
     * with their conditions quoted and this version's answers.
     */
    @Command(name = "answer", mixinStandardHelpOptions = true)
    static class Answer extends Change {
        @Option(names = "--question", paramLabel = "QUESTION", descriptionKey = "cli.responsibility.option.question")
        String question;

        @Option(names = "--answer", paramLabel = "yes|no|none", descriptionKey = "cli.responsibility.option.answer")
        String answer;

        Answer(UserAdministration users, ApplicationEventPublisher events, ResponsibilityService service) {
            super(users, events, service);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (question == null) {
                MatrixView v = service.current(systemId);
                for (org.yunjian.responsibility.ApplicabilityQuestion q :
                        org.yunjian.responsibility.ApplicabilityQuestion.values()) {
                    Boolean a = v.matrix().answers().get(q);
                    out.println(Texts.get(
                            "cli.responsibility.answer.line",
                            q.name(),
                            q.text().text(),
                            q.condition(),
                            Texts.get(
                                    a == null
                                            ? "responsibility.answer.open"
                                            : a ? "responsibility.answer.yes" : "responsibility.answer.no")));
                }
                return 0;
            }
            if (!List.of("yes", "no", "none").contains(String.valueOf(answer))) {
                err.println(Texts.get("cli.responsibility.answer.invalid"));
                return 2;
            }
            Boolean given = answer.equals("none") ? null : Boolean.valueOf(answer.equals("yes"));
            return saved(out, service.answer(systemId, question, given, base()));
        }
    }
}
