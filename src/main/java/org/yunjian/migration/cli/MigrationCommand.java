package org.yunjian.migration.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.lifecycle.cli.OnSystem;
import org.yunjian.migration.MigrationAcceptance;
import org.yunjian.migration.MigrationCheck;
import org.yunjian.migration.MigrationStep;
import org.yunjian.migration.internal.MigrationService;
import org.yunjian.security.ActingCommand;
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
 * {@code yunjian lifecycle migration …}: a system's migration plan from the command line, acting as a named user
 * ({@link ActingCommand}) so the plan's access rules and audit apply as on the web. Not registered by itself: the
 * lifecycle command adds it.
 */
@Command(
        name = "migration",
        mixinStandardHelpOptions = true,
        subcommands = {
            MigrationCommand.Show.class,
            MigrationCommand.AddStep.class,
            MigrationCommand.SetStep.class,
            MigrationCommand.Export.class,
            MigrationRiskCommands.ListRisks.class,
            MigrationRiskCommands.RateRisk.class,
            MigrationRiskCommands.TreatRisk.class
        })
@CliMount(value = "lifecycle", order = 50)
public class MigrationCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code show-migration --system ID}: steps, rollback, checks, parallel running and acceptance tests. */
    @Command(name = "show-migration", mixinStandardHelpOptions = true)
    static class Show extends OnSystem {

        private final MigrationService service;

        Show(UserAdministration users, ApplicationEventPublisher events, MigrationService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            MigrationService.View v = service.view(systemId);
            out.println(Texts.get(
                    "lifecycle.ops.cli.migration.head", v.access().system().name()));
            if (v.steps().isEmpty()) {
                out.println(Texts.get("lifecycle.ops.migration.steps.empty"));
            }
            for (MigrationStep s : v.steps()) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.step",
                        s.position(),
                        s.description(),
                        v.org(s.ownerOrg()),
                        Texts.get(
                                "lifecycle.ops.window", Formats.minute(s.windowStart()), Formats.minute(s.windowEnd())),
                        Msg.of(s.status()).text(),
                        s.id()));
            }
            if (v.plan() != null) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.rollback",
                        v.plan().rollbackTrigger() == null
                                ? Texts.get("lifecycle.ops.plan.none")
                                : v.plan().rollbackTrigger()));
                out.println(Texts.get(
                        "lifecycle.ops.cli.parallel",
                        v.plan().parallelStart() == null
                                ? Texts.get("lifecycle.ops.plan.none")
                                : Texts.get(
                                        "lifecycle.ops.plan.parallelPeriod",
                                        Formats.date(v.plan().parallelStart()),
                                        Formats.date(v.plan().parallelEnd()))));
            }
            for (MigrationCheck c : v.checks()) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.check",
                        c.subject(),
                        Msg.of(c.method()).text(),
                        Texts.get(c.matches() ? "lifecycle.ops.check.match" : "lifecycle.ops.check.mismatch")));
            }
            for (MigrationAcceptance a : v.acceptances()) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.acceptance",
                        a.test(),
                        Msg.of(a.result()).text(),
                        v.org(a.testerOrg()),
                        Formats.date(a.testedOn()),
                        a.files().size()));
            }
            return 0;
        }
    }

    /** Options of a step, shared by adding and changing one. */
    abstract static class StepOptions extends OnSystem {

        @Option(names = "--description", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.ops.option.description")
        String description;

        @Option(names = "--owner", paramLabel = "ORGANISATION_ID", descriptionKey = "cli.lifecycle.ops.option.owner")
        String owner;

        @Option(names = "--start", paramLabel = "YYYY-MM-DDTHH:MM", descriptionKey = "cli.lifecycle.ops.option.start")
        String start;

        @Option(names = "--end", paramLabel = "YYYY-MM-DDTHH:MM", descriptionKey = "cli.lifecycle.ops.option.end")
        String end;

        @Option(names = "--status", paramLabel = "STATUS", descriptionKey = "cli.lifecycle.ops.option.status")
        String status;

        final MigrationService service;

        StepOptions(UserAdministration users, ApplicationEventPublisher events, MigrationService service) {
            super(users, events);
            this.service = service;
        }

        void print(PrintWriter out, MigrationStep s) {
            out.println(Texts.get(
                    "lifecycle.ops.cli.stepSaved",
                    s.position(),
                    s.description(),
                    Msg.of(s.status()).text(),
                    s.id()));
        }
    }

    /** {@code add-step}: the customer adds a step to the plan. */
    @Command(name = "add-step", mixinStandardHelpOptions = true)
    static class AddStep extends StepOptions {

        AddStep(UserAdministration users, ApplicationEventPublisher events, MigrationService service) {
            super(users, events, service);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            print(
                    out,
                    service.addStep(
                            systemId,
                            new MigrationService.StepInput(null, description, owner, start, end, status, null)));
            return 0;
        }
    }

    /** {@code set-step --step ID}: the customer, or the provider on a step it owns, changes a step. */
    @Command(name = "set-step", mixinStandardHelpOptions = true)
    static class SetStep extends StepOptions {

        @Option(
                names = "--step",
                required = true,
                paramLabel = "STEP_ID",
                descriptionKey = "cli.lifecycle.ops.option.step")
        UUID stepId;

        SetStep(UserAdministration users, ApplicationEventPublisher events, MigrationService service) {
            super(users, events, service);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            MigrationStep old = service.view(systemId).steps().stream()
                    .filter(s -> s.id().equals(stepId))
                    .findFirst()
                    .orElse(null);
            if (old == null) {
                throw new org.yunjian.shared.NotFoundException("lifecycle-migration-step", stepId);
            }
            print(
                    out,
                    service.updateStep(
                            systemId,
                            stepId,
                            null,
                            new MigrationService.StepInput(
                                    null,
                                    description == null ? old.description() : description,
                                    owner,
                                    start == null ? local(old.windowStart()) : start,
                                    end == null ? local(old.windowEnd()) : end,
                                    status == null ? old.status().name() : status,
                                    null)));
            return 0;
        }

        private static String local(java.time.Instant t) {
            return t.atZone(Formats.zone()).toLocalDateTime().toString();
        }
    }

    /** {@code export-migration --system ID --out FILE}: 《迁移实施方案》 as a Word document. */
    @Command(name = "export-migration", mixinStandardHelpOptions = true)
    static class Export extends OnSystem {

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "cli.lifecycle.ops.option.out")
        Path file;

        private final MigrationService service;

        Export(UserAdministration users, ApplicationEventPublisher events, MigrationService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            MigrationService.Export e = service.docx(systemId);
            Files.write(file, e.content());
            out.println(
                    Texts.get("lifecycle.ops.cli.written", file.toAbsolutePath(), Formats.size(e.content().length)));
            return 0;
        }
    }
}
