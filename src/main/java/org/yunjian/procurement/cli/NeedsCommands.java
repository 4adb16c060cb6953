package org.yunjian.procurement.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.lifecycle.cli.OnSystem;
import org.yunjian.procurement.NeedsAnalysis;
import org.yunjian.procurement.internal.NeedsService;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yunjian lifecycle needs show|docx}: the needs analysis of a system. */
public final class NeedsCommands {

    private NeedsCommands() {}

    @Command(
            name = "needs",
            mixinStandardHelpOptions = true,
            subcommands = {Show.class, Docx.class})
    @CliMount(value = "lifecycle", order = 20)
    public static class Needs implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** {@code show --system ID}: the inventory, the decision and its reasons. */
    @Command(name = "show", mixinStandardHelpOptions = true)
    static class Show extends OnSystem {

        private final NeedsService service;

        Show(UserAdministration users, ApplicationEventPublisher events, NeedsService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            NeedsService.View v = service.view(systemId);
            if (v.analysis().isEmpty()) {
                out.println(Texts.get("cli.lifecycle.needs.none", v.system().name()));
                return 0;
            }
            NeedsAnalysis a = v.analysis().get();
            out.println(Texts.get(
                    "cli.lifecycle.needs.head",
                    v.system().name(),
                    Msg.of(a.decision()).text()));
            out.println(Texts.get("cli.lifecycle.doc.source", a.reasons()));
            for (NeedsAnalysis.InventoryItem i : a.inventory()) {
                out.println(Texts.get(
                        "cli.lifecycle.needs.item",
                        i.name(),
                        i.address() == null ? "" : i.address(),
                        Msg.of(i.classification()).text(),
                        Msg.of(i.sensitivity()).text()));
            }
            return 0;
        }
    }

    /** {@code docx --system ID --out FILE}: the needs analysis report as a Word document. */
    @Command(name = "docx", mixinStandardHelpOptions = true)
    static class Docx extends OnSystem {

        @Option(
                names = {"-o", "--out"},
                required = true,
                paramLabel = "FILE",
                descriptionKey = "cli.lifecycle.option.out")
        Path file;

        private final NeedsService service;

        Docx(UserAdministration users, ApplicationEventPublisher events, NeedsService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            return ContractCommands.write(out, file, service.docx(systemId));
        }
    }
}
