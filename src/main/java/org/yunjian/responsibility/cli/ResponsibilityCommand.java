package org.yunjian.responsibility.cli;

import java.io.PrintWriter;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.cli.CliCommand;
import org.yunjian.responsibility.RuleCheck;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.Violation;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian responsibility ...}: a cloud system's responsibility matrix (T/CCIA 004-2024) from the command
 * line, acting as a named user ({@link ActingCommand}) so the matrix's access rules and audit apply as on the web.
 */
@Component
@Command(
        name = "responsibility",
        mixinStandardHelpOptions = true,
        subcommands = {
            ResponsibilityCommand.CheckMatrix.class,
            LiabilityCommands.Lookup.class,
            LiabilityCommands.Incidents.class,
            SspCommands.ExportSsp.class,
            SspCommands.ImportSsp.class,
            SspPackageCommands.ExportPackage.class,
            SspPackageCommands.ImportPackage.class,
            WorkbookCommands.ExportWorkbook.class,
            WorkbookCommands.ImportWorkbook.class,
            WorkbookCommands.Statement.class,
            ViewCommand.class,
            MatrixCommands.Generate.class,
            MatrixCommands.Roles.class,
            MatrixCommands.HandOn.class,
            MatrixCommands.TakeBack.class,
            MatrixCommands.SignOff.class,
            MatrixCommands.Answer.class,
            MatrixCommands.RecordAgreement.class,
            MatrixCommands.RecordConsent.class,
            MatrixCommands.HandOver.class
        })
public class ResponsibilityCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code check --system ID}: the §5 rule check of the current version, each violation with its rule quoted. */
    @Command(name = "check", mixinStandardHelpOptions = true)
    static class CheckMatrix extends ActingCommand {

        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        private final ResponsibilityService service;
        private final Catalog catalog;

        CheckMatrix(
                UserAdministration users,
                ApplicationEventPublisher events,
                ResponsibilityService service,
                Catalog catalog) {
            super(users, events);
            this.service = service;
            this.catalog = catalog;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            MatrixView v = service.current(systemId);
            RuleCheck.Result r = service.check(systemId, v.version().version());
            out.println(Texts.get(
                    "cli.responsibility.check.head",
                    v.access().system().name(),
                    v.version().version(),
                    Msg.of(v.version().status()).text()));
            for (RuleCheck.Excepted x : r.excepted()) { // approved exceptions to the "原则上" rules (issue 36)
                RuleQuote q = RuleQuote.of(x.finding().rule(), catalog);
                out.println(Texts.get(
                        "cli.responsibility.check.excepted",
                        q.ref(),
                        x.finding().message().text(),
                        x.exception().reason(),
                        x.exception().approvedBy()));
            }
            if (r.approvable()) {
                out.println(Texts.get("cli.responsibility.check.clean"));
                return 0;
            }
            for (Violation x : r.violations()) {
                RuleQuote q = RuleQuote.of(x.rule(), catalog);
                out.println(Texts.get(
                        "cli.responsibility.check.violation",
                        q.ref(),
                        x.message().text()));
                if (q.text() != null) {
                    out.println(Texts.get("cli.responsibility.check.rule", q.text()));
                }
            }
            out.println(
                    Texts.get("cli.responsibility.check.count", r.violations().size()));
            return 3;
        }
    }
}
