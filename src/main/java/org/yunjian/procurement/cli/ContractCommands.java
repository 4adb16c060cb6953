package org.yunjian.procurement.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.lifecycle.cli.OnSystem;
import org.yunjian.procurement.internal.ContractDocxExport;
import org.yunjian.procurement.internal.ContractReviewService;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yunjian lifecycle contract list|mark|docx}: the contract, SLA and NDA review of a system. */
public final class ContractCommands {

    private ContractCommands() {}

    @Command(
            name = "contract",
            mixinStandardHelpOptions = true,
            subcommands = {ListClauses.class, Mark.class, Docx.class})
    @CliMount(value = "lifecycle", order = 40)
    public static class Contract implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Writes a generated document to a file and says where. */
    static int write(PrintWriter out, Path file, ContractDocxExport e) throws IOException {
        Files.write(file, e.content());
        out.println(Texts.get("cli.lifecycle.doc.wrote", file, Formats.size(e.content().length)));
        return 0;
    }

    /** Prints the gate: clear, or each unmet condition with the standard's text; 3 when something is unmet. */
    static int gate(PrintWriter out, java.util.List<PhaseGateCondition.Unmet> unmet) {
        if (unmet.isEmpty()) {
            out.println(Texts.get("lifecycle.doc.contract.gate.clear"));
            return 0;
        }
        out.println(Texts.get("lifecycle.doc.contract.gate.blocked", unmet.size()));
        for (PhaseGateCondition.Unmet u : unmet) {
            out.println(Texts.get("cli.lifecycle.doc.unmet", u.what().text()));
            if (u.source() != null) {
                out.println(Texts.get("cli.lifecycle.doc.source", u.source()));
            }
        }
        return 3;
    }

    /** {@code list --system ID}: every required clause with its status, then the gate (exit 3 while blocked). */
    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListClauses extends OnSystem {

        private final ContractReviewService service;

        ListClauses(UserAdministration users, ApplicationEventPublisher events, ContractReviewService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            ContractReviewService.Review r = service.review(systemId);
            out.println(Texts.get(
                    "cli.lifecycle.contract.head", r.system().name(), r.lines().size()));
            if (r.lines().isEmpty()) {
                out.println(Texts.get("lifecycle.doc.contract.empty"));
            }
            for (ContractReviewService.Line l : r.lines()) {
                out.println(Texts.get(
                        "cli.lifecycle.contract.line",
                        l.clause().id().value(),
                        ClauseLabel.cited(l.clause().requirement()).text(),
                        Msg.of(l.clause().document()).text(),
                        Msg.of(l.clause().obligation()).text(),
                        Msg.of(l.status()).text(),
                        l.review().reference() == null ? "" : l.review().reference()));
                out.println(Texts.get(
                        "cli.lifecycle.doc.source", l.clause().requirement().textIn(Texts.locale())));
            }
            return gate(out, r.unmet());
        }
    }

    /** {@code mark --system ID --clause ID --status S [--reference R] [--note N]}: one clause's review. */
    @Command(name = "mark", mixinStandardHelpOptions = true)
    static class Mark extends OnSystem {

        @Option(
                names = "--clause",
                required = true,
                paramLabel = "CLAUSE_ID",
                descriptionKey = "cli.lifecycle.option.clause")
        String clause;

        @Option(
                names = "--status",
                required = true,
                paramLabel = "STATUS",
                descriptionKey = "cli.lifecycle.option.status")
        String status;

        @Option(names = "--reference", paramLabel = "REF", descriptionKey = "cli.lifecycle.option.reference")
        String reference;

        @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "cli.lifecycle.option.note")
        String note;

        @Option(names = "--valid-from", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.option.validFrom")
        String validFrom;

        @Option(names = "--valid-until", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.lifecycle.option.validUntil")
        String validUntil;

        private final ContractReviewService service;

        Mark(UserAdministration users, ApplicationEventPublisher events, ContractReviewService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            ContractReviewService.Review r =
                    service.mark(systemId, clause, null, status, reference, note, validFrom, validUntil);
            out.println(Texts.get("lifecycle.doc.saved"));
            return gate(out, r.unmet());
        }
    }

    /** {@code docx --system ID --out FILE}: the review table as a Word document. */
    @Command(name = "docx", mixinStandardHelpOptions = true)
    static class Docx extends OnSystem {

        @Option(
                names = {"-o", "--out"},
                required = true,
                paramLabel = "FILE",
                descriptionKey = "cli.lifecycle.option.out")
        Path file;

        private final ContractReviewService service;

        Docx(UserAdministration users, ApplicationEventPublisher events, ContractReviewService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            return write(out, file, service.docx(systemId));
        }
    }
}
