package org.yunjian.lifecycle.cli;

import java.io.PrintWriter;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Phase;
import org.yunjian.lifecycle.DutyStatus;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.lifecycle.internal.GateTexts;
import org.yunjian.lifecycle.internal.PlanService;
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
 * {@code yunjian lifecycle plan ...}: a system's lifecycle plan — show it, create it, set a duty's status, accept a
 * duty, close or reopen a phase — with the same rules and audit as the plan pages.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        subcommands = {
            PlanCommand.ShowPlan.class,
            PlanCommand.AddMissingDuties.class,
            PlanCommand.CreatePlan.class,
            PlanCommand.SetStatus.class,
            PlanCommand.AcceptDuty.class,
            PlanCommand.ClosePhase.class,
            PlanCommand.ReopenPhase.class
        })
@CliMount(value = "lifecycle", order = 10)
public class PlanCommand implements Runnable {

    /** Exit code of a phase that cannot close yet (as {@code contract list} with blocking clauses). */
    static final int GATE_NOT_CLEAR = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand needs: the system and the plan service. */
    abstract static class OnPlan extends OnSystem {
        final PlanService plans;
        final Catalog catalog;

        OnPlan(UserAdministration users, ApplicationEventPublisher events, PlanService plans, Catalog catalog) {
            super(users, events);
            this.plans = plans;
            this.catalog = catalog;
        }

        void print(PrintWriter out, PlanService.PlanView v) {
            out.println(Texts.get(
                    "cli.lifecycle.plan.head",
                    v.access().system().name(),
                    Texts.get("lifecycle.guide." + v.plan().standardCode())));
            for (LifecyclePlan.Stage s : v.plan().stages()) {
                out.println(
                        s.closed()
                                ? Texts.get(
                                        "cli.lifecycle.plan.stageClosed",
                                        s.name().text(),
                                        Formats.minute(s.closedAt()))
                                : Texts.get(
                                        "cli.lifecycle.plan.stageOpen",
                                        s.name().text(),
                                        v.plan().progress(s.phase())));
                for (PlanDuty d : v.visibleDuties()) {
                    if (d.phase() == s.phase()) {
                        out.println(line(v, d));
                    }
                }
            }
            v.visibleDuties().stream()
                    .filter(d -> d.phase() == null)
                    .findAny()
                    .ifPresent(any -> out.println(Texts.get("cli.lifecycle.plan.throughout")));
            v.visibleDuties().stream().filter(d -> d.phase() == null).forEach(d -> out.println(line(v, d)));
            if (!v.unassigned().isEmpty()) {
                out.println(Texts.get(
                        "cli.lifecycle.plan.unassigned", v.unassigned().size()));
            }
            for (LifecyclePlan.Unassigned u : v.unassigned()) {
                out.println(Texts.get(
                        "cli.lifecycle.plan.unassignedDuty",
                        catalog.requirement(u.requirement())
                                .map(r -> ClauseLabel.of(r).text())
                                .orElse(u.requirement().value()),
                        Msg.joined(u.why().stream()
                                        .map(w -> w.text(v.organisations()))
                                        .toList())
                                .text()));
            }
        }

        private String line(PlanService.PlanView v, PlanDuty d) {
            return Texts.get(
                    "cli.lifecycle.plan.duty",
                    d.id(),
                    GateTexts.clause(d, catalog),
                    v.organisations().getOrDefault(d.organisation(), ""),
                    Msg.of(d.status()).text(),
                    d.dueDate() == null ? Texts.get("cli.lifecycle.plan.noDue") : Formats.date(d.dueDate()),
                    Texts.get(d.settled() ? "cli.lifecycle.plan.accepted" : "cli.lifecycle.plan.notAccepted"));
        }
    }

    /** {@code show-plan --system ID}: phases, progress and the duties the user sees. */
    @Command(name = "show-plan", mixinStandardHelpOptions = true)
    static class ShowPlan extends OnPlan {
        ShowPlan(UserAdministration u, ApplicationEventPublisher e, PlanService p, Catalog c) {
            super(u, e, p, c);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            var found = plans.find(systemId);
            if (found.isEmpty()) {
                out.println(Texts.get(
                        "cli.lifecycle.plan.none",
                        plans.access(systemId).system().name()));
                return 0;
            }
            print(out, found.get());
            return 0;
        }
    }

    /**
     * {@code add-missing-duties --system ID --confirm}: the customer adds the duties a plan made before lacks to its
     * open phases (as the plan page's button); prints each duty added and each not added with the reason.
     */
    @Command(name = "add-missing-duties", mixinStandardHelpOptions = true)
    static class AddMissingDuties extends OnPlan {
        @Option(names = "--confirm", descriptionKey = "cli.lifecycle.option.confirmAddMissing")
        boolean confirm;

        private final org.yunjian.lifecycle.internal.PlanAdditions additions;

        AddMissingDuties(
                UserAdministration u,
                ApplicationEventPublisher e,
                PlanService p,
                Catalog c,
                org.yunjian.lifecycle.internal.PlanAdditions additions) {
            super(u, e, p, c);
            this.additions = additions;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (!confirm) {
                err.println(Texts.get("cli.lifecycle.plan.addMissingConfirm"));
                return 2;
            }
            long version = plans.require(systemId).plan().version();
            var r = additions.addMissing(systemId, org.yunjian.shared.version.ExpectedVersion.exactly(version));
            out.println(Texts.get(
                    "lifecycle.page.missing.done", r.added().size(), r.refused().size()));
            r.added()
                    .forEach(d -> out.println(Texts.get(
                            "cli.lifecycle.plan.added",
                            GateTexts.clause(d, catalog),
                            r.organisations().getOrDefault(d.organisation(), ""),
                            d.id())));
            r.refused()
                    .forEach(n -> out.println(Texts.get(
                            "cli.lifecycle.plan.notAdded",
                            catalog.requirement(n.requirement())
                                    .map(x -> ClauseLabel.of(x).text())
                                    .orElse(n.requirement().value()),
                            n.organisation() == null ? "—" : r.organisations().getOrDefault(n.organisation(), ""),
                            Msg.of(n.reason()).text())));
            return 0;
        }
    }

    /** {@code create-plan --system ID}: the customer creates the plan from the sector guide. */
    @Command(name = "create-plan", mixinStandardHelpOptions = true)
    static class CreatePlan extends OnPlan {
        CreatePlan(UserAdministration u, ApplicationEventPublisher e, PlanService p, Catalog c) {
            super(u, e, p, c);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            print(out, plans.create(systemId));
            return 0;
        }
    }

    /** {@code set-status --system ID --duty ID --status DONE [--reason TEXT]}. */
    @Command(name = "set-status", mixinStandardHelpOptions = true)
    static class SetStatus extends OnPlan {
        @Option(names = "--duty", required = true, paramLabel = "DUTY_ID", descriptionKey = "cli.lifecycle.option.duty")
        UUID duty;

        @Option(
                names = "--status",
                required = true,
                paramLabel = "STATUS",
                descriptionKey = "cli.lifecycle.option.dutyStatus")
        DutyStatus status;

        @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.option.reason")
        String reason;

        SetStatus(UserAdministration u, ApplicationEventPublisher e, PlanService p, Catalog c) {
            super(u, e, p, c);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            PlanDuty d = plans.setStatus(systemId, duty, null, status, reason);
            out.println(Texts.get(
                    "cli.lifecycle.plan.statusSet",
                    GateTexts.clause(d, catalog),
                    Msg.of(d.status()).text()));
            return 0;
        }
    }

    /** {@code accept-duty --system ID --duty ID}: the customer accepts a finished duty. */
    @Command(name = "accept-duty", mixinStandardHelpOptions = true)
    static class AcceptDuty extends OnPlan {
        @Option(names = "--duty", required = true, paramLabel = "DUTY_ID", descriptionKey = "cli.lifecycle.option.duty")
        UUID duty;

        AcceptDuty(UserAdministration u, ApplicationEventPublisher e, PlanService p, Catalog c) {
            super(u, e, p, c);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            PlanDuty d = plans.accept(systemId, duty, null);
            out.println(Texts.get("cli.lifecycle.plan.acceptedDuty", GateTexts.clause(d, catalog)));
            return 0;
        }
    }

    /** {@code close-phase --system ID --phase PHASE --confirm}: exit code 3 with every obstacle if it cannot. */
    @Command(name = "close-phase", mixinStandardHelpOptions = true)
    static class ClosePhase extends OnPlan {
        @Option(names = "--phase", required = true, paramLabel = "PHASE", descriptionKey = "cli.lifecycle.option.phase")
        Phase phase;

        @Option(names = "--confirm", descriptionKey = "cli.lifecycle.option.confirmClose")
        boolean confirm;

        ClosePhase(UserAdministration u, ApplicationEventPublisher e, PlanService p, Catalog c) {
            super(u, e, p, c);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (!confirm) {
                err.println(Texts.get("cli.lifecycle.plan.confirmNeeded"));
                return 2;
            }
            try {
                PlanService.PlanView v = plans.close(systemId, phase);
                out.println(Texts.get(
                        "cli.lifecycle.plan.closed",
                        v.plan()
                                .stage(phase)
                                .map(st -> st.name().text())
                                .orElse(Msg.of(phase).text())));
                return 0;
            } catch (PlanService.GateRefused e) {
                err.println(e.getMessage());
                for (GateTexts.Line l : GateTexts.lines(e.gate(), e.organisations(), catalog)) {
                    err.println(Texts.get("cli.lifecycle.plan.obstacle", l.text()));
                    if (l.source() != null) {
                        err.println(Texts.get("cli.lifecycle.plan.source", l.source()));
                    }
                }
                return GATE_NOT_CLEAR;
            }
        }
    }

    /** {@code reopen-phase --system ID --phase PHASE --reason TEXT}: the last closed phase only. */
    @Command(name = "reopen-phase", mixinStandardHelpOptions = true)
    static class ReopenPhase extends OnPlan {
        @Option(names = "--phase", required = true, paramLabel = "PHASE", descriptionKey = "cli.lifecycle.option.phase")
        Phase phase;

        @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.option.reason")
        String reason;

        ReopenPhase(UserAdministration u, ApplicationEventPublisher e, PlanService p, Catalog c) {
            super(u, e, p, c);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            PlanService.PlanView v = plans.reopen(systemId, phase, reason);
            out.println(Texts.get(
                    "cli.lifecycle.plan.reopened",
                    v.plan()
                            .stage(phase)
                            .map(st -> st.name().text())
                            .orElse(Msg.of(phase).text())));
            return 0;
        }
    }
}
