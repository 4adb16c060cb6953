package org.yunjian.procurement.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.lifecycle.cli.OnSystem;
import org.yunjian.procurement.ProviderSelection;
import org.yunjian.procurement.SelectionCriterion;
import org.yunjian.procurement.internal.SelectionService;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import org.yunjian.shared.version.ExpectedVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yunjian lifecycle selection list|decide|docx}: the provider selection of a system. */
public final class SelectionCommands {

    private SelectionCommands() {}

    @Command(
            name = "selection",
            mixinStandardHelpOptions = true,
            subcommands = {ListSelection.class, Decide.class, Docx.class})
    @CliMount(value = "lifecycle", order = 30)
    public static class Selection implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** {@code list --system ID}: the candidates, each criterion with every candidate's judgement, the decision. */
    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListSelection extends OnSystem {

        private final SelectionService service;

        ListSelection(UserAdministration users, ApplicationEventPublisher events, SelectionService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            SelectionService.View v = service.view(systemId);
            ProviderSelection s = v.selection();
            out.println(Texts.get(
                    "cli.lifecycle.selection.head",
                    v.system().name(),
                    s.candidates().size(),
                    v.criteria().size()));
            for (ProviderSelection.Candidate c : s.candidates()) {
                out.println(Texts.get("cli.lifecycle.selection.candidate", c.position(), c.name(), c.id()));
            }
            for (SelectionCriterion k : v.criteria()) {
                out.println(Texts.get(
                        "cli.lifecycle.selection.criterion",
                        ClauseLabel.text(k.requirement()),
                        k.requirement().textIn(Texts.locale())));
                for (ProviderSelection.Candidate c : s.candidates()) {
                    out.println(Texts.get(
                            "cli.lifecycle.selection.judgement",
                            c.name(),
                            Msg.of(s.judgement(c.id(), k.id())).text()));
                }
            }
            out.println(
                    s.decision() == null
                            ? Texts.get("lifecycle.doc.selection.noDecision")
                            : Texts.get(
                                    "cli.lifecycle.selection.decision",
                                    v.selected().orElseThrow().name(),
                                    s.decision().reasons()));
            return 0;
        }
    }

    /** {@code decide --system ID --candidate ID --reasons TEXT}: records the selection decision. */
    @Command(name = "decide", mixinStandardHelpOptions = true)
    static class Decide extends OnSystem {

        @Option(
                names = "--candidate",
                required = true,
                paramLabel = "CANDIDATE_ID",
                descriptionKey = "cli.lifecycle.option.candidate")
        String candidate;

        @Option(
                names = "--reasons",
                required = true,
                paramLabel = "TEXT",
                descriptionKey = "cli.lifecycle.option.reasons")
        String reasons;

        private final SelectionService service;

        Decide(UserAdministration users, ApplicationEventPublisher events, SelectionService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            // over the version just read: a judgement changed meanwhile by someone else makes the decision stale
            service.decide(
                    systemId,
                    candidate,
                    reasons,
                    ExpectedVersion.exactly(service.view(systemId).version()));
            out.println(Texts.get("lifecycle.doc.saved"));
            return 0;
        }
    }

    /** {@code docx --system ID --out FILE}: the comparison table as a Word document. */
    @Command(name = "docx", mixinStandardHelpOptions = true)
    static class Docx extends OnSystem {

        @Option(
                names = {"-o", "--out"},
                required = true,
                paramLabel = "FILE",
                descriptionKey = "cli.lifecycle.option.out")
        Path file;

        private final SelectionService service;

        Docx(UserAdministration users, ApplicationEventPublisher events, SelectionService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            return ContractCommands.write(out, file, service.docx(systemId));
        }
    }
}
