package org.yunjian.assessment.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentConflictException;
import org.yunjian.assessment.internal.AssessmentService;
import org.yunjian.assessment.internal.Records.AssessmentInfo;
import org.yunjian.assessment.internal.Reports;
import org.yunjian.assessment.internal.Workbooks;
import org.yunjian.cli.CliCommand;
import org.yunjian.documents.FontUnavailableException;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.NotFoundException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian assessment ...}: list assessments, export and import the offline workbook, write the reports.
 *
 * <p>The commands act <em>as a named user</em> ({@code --as USERNAME}): the operator of the installation could
 * read the database anyway, but acting as a user keeps the module's object scope (what that user sees and may
 * change) and puts the user's name on the audit entries. Each run records {@code cli.act-as} with the
 * operating-system user, so the log shows who acted for whom.
 */
@Component
@Command(name = "assessment", description = "Assessments: list, export-workbook, import-workbook, report (docx|pdf|oscal-json).",
        mixinStandardHelpOptions = true,
        subcommands = {AssessmentCommand.ListAssessments.class, AssessmentCommand.ExportWorkbook.class,
                AssessmentCommand.ImportWorkbook.class, AssessmentCommand.Report.class})
public class AssessmentCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Acting as the named user, and turning the module's refusals into messages and exit codes. */
    abstract static class AsUser implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--as", required = true, paramLabel = "USERNAME",
                description = "act as this user (an enabled business user or system administrator)")
        String username;

        private final UserAdministration users;
        private final ApplicationEventPublisher events;

        AsUser(UserAdministration users, ApplicationEventPublisher events) {
            this.users = users;
            this.events = events;
        }

        abstract int work(PrintWriter out, PrintWriter err) throws IOException;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            UserView user = users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElse(null);
            if (user == null || !user.enabled() || !(user.role() == Role.USER || user.role() == Role.SYSTEM_ADMIN)) {
                err.println("No enabled business user or system administrator named '" + username + "'.");
                err.flush();
                return 2;
            }
            CurrentUser current = new CurrentUser(user.id(), user.username(), user.organizationId(), user.role());
            AccountPrincipal principal = new AccountPrincipal(current, "", true, false, true);
            var previous = SecurityContextHolder.getContext();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                    principal.getAuthorities()));
            SecurityContextHolder.setContext(context);
            try {
                events.publishEvent(AuditableEvent.success("cli.act-as", "user", user.id(), "os user "
                        + System.getProperty("user.name", "unknown") + ": " + spec.qualifiedName()));
                return work(out, err);
            } catch (NotFoundException e) {
                err.println("Not found (or not visible to " + username + "): " + e.getMessage());
                return 1;
            } catch (AccessDeniedException e) {
                err.println("Refused: " + e.getMessage());
                return 1;
            } catch (AssessmentConflictException e) {
                err.println("Refused (" + e.code() + "): " + e.getMessage());
                return 1;
            } catch (ValidationException e) {
                e.errors().forEach((field, message) -> err.println(field + ": " + message));
                return 2;
            } catch (IOException e) {
                err.println("I/O error: " + e.getMessage());
                return 1;
            } catch (FontUnavailableException e) {
                err.println(e.getMessage());
                return 1;
            } finally {
                SecurityContextHolder.setContext(previous);
                out.flush();
                err.flush();
            }
        }
    }

    @Command(name = "list", description = "List the assessments the user takes part in.", mixinStandardHelpOptions = true)
    static class ListAssessments extends AsUser {
        @Option(names = "--system", description = "only this cloud system (id)")
        UUID systemId;
        private final AssessmentService service;

        ListAssessments(UserAdministration users, ApplicationEventPublisher events, AssessmentService service) {
            super(users, events);
            this.service = service;
        }

        @Override
        int work(PrintWriter out, PrintWriter err) {
            out.printf("%-36s  %-11s  %-13s  %-10s  %s%n", "ID", "STATUS", "KIND", "CREATED", "NAME");
            for (AssessmentInfo a : service.list(systemId)) {
                out.printf("%-36s  %-11s  %-13s  %-10s  %s%n", a.id(), a.status(), a.assessorKind(),
                        a.createdAt().toString().substring(0, 10), a.name());
            }
            return 0;
        }
    }

    @Command(name = "export-workbook", description = "Write the item table as an XLSX workbook to fill offline.",
            mixinStandardHelpOptions = true)
    static class ExportWorkbook extends AsUser {
        @Parameters(index = "0", description = "assessment id")
        UUID id;
        @Option(names = {"-o", "--out"}, required = true, description = "the .xlsx file to write")
        Path file;
        private final Workbooks workbooks;

        ExportWorkbook(UserAdministration users, ApplicationEventPublisher events, Workbooks workbooks) {
            super(users, events);
            this.workbooks = workbooks;
        }

        @Override
        int work(PrintWriter out, PrintWriter err) throws IOException {
            byte[] xlsx = workbooks.export(id);
            Files.write(file, xlsx);
            out.println("Wrote " + file + " (" + xlsx.length + " bytes).");
            return 0;
        }
    }

    @Command(name = "import-workbook", description = "Import a filled workbook: changed rows are applied, rows whose "
            + "item also changed on the platform are listed as conflicts; a malformed or foreign workbook is rejected "
            + "whole (exit 1) with sheet, row and column.", mixinStandardHelpOptions = true)
    static class ImportWorkbook extends AsUser {
        @Parameters(index = "0", description = "assessment id")
        UUID id;
        @Parameters(index = "1", description = "the filled .xlsx file")
        Path file;
        private final Workbooks workbooks;

        ImportWorkbook(UserAdministration users, ApplicationEventPublisher events, Workbooks workbooks) {
            super(users, events);
            this.workbooks = workbooks;
        }

        @Override
        int work(PrintWriter out, PrintWriter err) throws IOException {
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(Workbooks.MAX_BYTES + 1);
            }
            try {
                Workbooks.ImportReport r = workbooks.importWorkbook(id, content);
                out.println("Applied " + r.applied() + " row(s), " + r.unchanged() + " unchanged, "
                        + r.conflicts().size() + " conflict(s).");
                for (Workbooks.Conflict c : r.conflicts()) {
                    out.println("  conflict: row " + c.row() + " " + c.requirementId() + " " + c.side()
                            + ": platform " + c.platformVerdict() + ", workbook " + c.workbookVerdict()
                            + " (not applied)");
                }
                return 0;
            } catch (Workbooks.WorkbookRejected e) {
                err.println("Workbook rejected, nothing applied. " + e.problems().size() + " problem(s):");
                e.problems().forEach(p -> err.println("  " + p));
                return 1;
            }
        }
    }

    @Command(name = "report", description = "Write the assessment report (docx, pdf) or the OSCAL assessment results "
            + "(oscal-json).", mixinStandardHelpOptions = true)
    static class Report extends AsUser {
        @Parameters(index = "0", description = "assessment id")
        UUID id;
        @Option(names = "--format", required = true, description = "docx, pdf or oscal-json")
        String format;
        @Option(names = {"-o", "--out"}, required = true, description = "the file to write")
        Path file;
        private final Reports reports;

        Report(UserAdministration users, ApplicationEventPublisher events, Reports reports) {
            super(users, events);
            this.reports = reports;
        }

        @Override
        int work(PrintWriter out, PrintWriter err) throws IOException {
            Reports.Document d = reports.export(id, Reports.Format.parse(format),
                    "cli:" + System.getProperty("user.name", "unknown"));
            Files.write(file, d.content());
            out.println("Wrote " + file + " (" + d.format() + ", " + d.content().length + " bytes).");
            return 0;
        }
    }
}
