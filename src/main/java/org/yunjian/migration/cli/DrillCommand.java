package org.yunjian.migration.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.lifecycle.cli.OnSystem;
import org.yunjian.migration.Drill;
import org.yunjian.migration.EmergencyPlan;
import org.yunjian.migration.internal.DrillService;
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
 * {@code yunjian lifecycle drill …}: emergency plans and drill records from the command line, acting as a named user.
 * Not registered by itself: the lifecycle command adds it.
 */
@Command(
        name = "drill",
        mixinStandardHelpOptions = true,
        subcommands = {DrillCommand.Show.class, DrillCommand.Record.class, DrillCommand.Export.class})
@CliMount(value = "lifecycle", order = 60)
public class DrillCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code show-drills --system ID}: plans, then drills with their tasks, overdue ones marked. */
    @Command(name = "show-drills", mixinStandardHelpOptions = true)
    static class Show extends OnSystem {

        private final DrillService service;

        Show(UserAdministration users, ApplicationEventPublisher events, DrillService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            DrillService.View v = service.view(systemId);
            out.println(Texts.get(
                    "lifecycle.ops.cli.drills.head", v.access().system().name()));
            if (v.plans().isEmpty()) {
                out.println(Texts.get("lifecycle.ops.plans.empty"));
            }
            for (EmergencyPlan p : v.plans()) {
                out.println(Texts.get(
                        "lifecycle.ops.cli.plan",
                        p.scenario(),
                        v.org(p.responsibleOrg()),
                        p.lastReviewed() == null ? Texts.get("lifecycle.ops.never") : Formats.date(p.lastReviewed()),
                        p.id()));
            }
            if (v.drills().isEmpty()) {
                out.println(Texts.get("lifecycle.ops.drills.empty"));
            }
            for (Drill d : v.drills()) {
                out.println(
                        Texts.get("lifecycle.ops.cli.drill", Formats.date(d.heldOn()), d.scenario(), d.participants()));
                for (Drill.Task t : d.tasks()) {
                    out.println(Texts.get(
                            "lifecycle.ops.cli.task",
                            t.description(),
                            v.org(t.ownerOrg()),
                            Formats.date(t.dueOn()),
                            Msg.of(t.status()).text()
                                    + (t.overdue(v.today()) ? Texts.get("lifecycle.ops.task.overdueMark") : "")));
                }
            }
            return 0;
        }
    }

    /** {@code record-drill}: the customer or the provider records a drill held, with follow-up tasks. */
    @Command(name = "record-drill", mixinStandardHelpOptions = true)
    static class Record extends OnSystem {

        @Option(names = "--held-on", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.ops.option.heldOn")
        String heldOn;

        @Option(names = "--plan", paramLabel = "PLAN_ID", descriptionKey = "cli.lifecycle.ops.option.plan")
        String plan;

        @Option(names = "--scenario", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.ops.option.scenario")
        String scenario;

        @Option(names = "--category", paramLabel = "CATEGORY", descriptionKey = "cli.lifecycle.ops.option.category")
        String category;

        @Option(names = "--participants", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.ops.option.participants")
        String participants;

        @Option(names = "--findings", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.ops.option.findings")
        String findings;

        @Option(names = "--task", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.ops.option.task")
        List<String> tasks = new ArrayList<>();

        @Option(
                names = "--task-owner",
                paramLabel = "ORGANISATION_ID",
                descriptionKey = "cli.lifecycle.ops.option.taskOwner")
        List<String> owners = new ArrayList<>();

        @Option(names = "--task-due", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.ops.option.taskDue")
        List<String> dues = new ArrayList<>();

        private final DrillService service;

        Record(UserAdministration users, ApplicationEventPublisher events, DrillService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            List<DrillService.TaskInput> in = new ArrayList<>();
            int n = Math.max(tasks.size(), Math.max(owners.size(), dues.size()));
            for (int i = 0; i < n; i++) {
                in.add(new DrillService.TaskInput(
                        i < tasks.size() ? tasks.get(i) : null,
                        i < owners.size() ? owners.get(i) : null,
                        i < dues.size() ? dues.get(i) : null));
            }
            Drill d = service.recordDrill(
                    systemId,
                    new DrillService.DrillInput(heldOn, plan, scenario, category, participants, findings, in));
            out.println(Texts.get(
                    "lifecycle.ops.cli.drillSaved",
                    Formats.date(d.heldOn()),
                    d.scenario(),
                    d.tasks().size(),
                    d.id()));
            return 0;
        }
    }

    /** {@code export-drills --system ID --out FILE}: 《应急预案与演练记录》 as a Word document. */
    @Command(name = "export-drills", mixinStandardHelpOptions = true)
    static class Export extends OnSystem {

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "cli.lifecycle.ops.option.out")
        Path file;

        private final DrillService service;

        Export(UserAdministration users, ApplicationEventPublisher events, DrillService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            DrillService.Export e = service.docx(systemId);
            Files.write(file, e.content());
            out.println(
                    Texts.get("lifecycle.ops.cli.written", file.toAbsolutePath(), Formats.size(e.content().length)));
            return 0;
        }
    }
}
