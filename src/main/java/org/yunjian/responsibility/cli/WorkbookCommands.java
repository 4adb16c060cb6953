package org.yunjian.responsibility.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.responsibility.internal.exchange.MatrixWorkbook;
import org.yunjian.responsibility.internal.exchange.MatrixWorkbookImport;
import org.yunjian.responsibility.internal.exchange.StatementDocx;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yunjian responsibility export-workbook | import-workbook | statement}: the matrix's XLSX workbook and DOCX
 * statement from the command line, acting as a named user so access, version locking and audit hold as on the web.
 */
final class WorkbookCommands {

    private WorkbookCommands() {}

    /** {@code export-workbook --system ID --out FILE [--version N]}. */
    @Command(name = "export-workbook")
    static class ExportWorkbook extends VersionExport {
        private final MatrixWorkbook workbook;

        ExportWorkbook(UserAdministration users, ApplicationEventPublisher events, MatrixWorkbook workbook) {
            super(users, events);
            this.workbook = workbook;
        }

        @Override
        protected byte[] render() {
            return workbook.export(systemId, version);
        }
    }

    /** {@code import-workbook --system ID --file FILE}: exit 1 with every problem when refused. */
    @Command(name = "import-workbook", mixinStandardHelpOptions = true)
    static class ImportWorkbook extends ActingCommand {
        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        @Option(
                names = {"-f", "--file"},
                required = true,
                paramLabel = "FILE",
                descriptionKey = "cli.responsibility.option.inXlsx")
        Path file;

        private final MatrixWorkbookImport importer;

        ImportWorkbook(UserAdministration users, ApplicationEventPublisher events, MatrixWorkbookImport importer) {
            super(users, events);
            this.importer = importer;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(MatrixWorkbookImport.MAX_BYTES + 1);
            }
            try {
                MatrixWorkbookImport.ImportReport r = importer.importWorkbook(systemId, content);
                out.println(
                        r.version() == null
                                ? Texts.get(
                                        "cli.responsibility.imported.none",
                                        r.unchanged(),
                                        r.conflicts().size())
                                : Texts.get(
                                        "cli.responsibility.imported",
                                        r.applied(),
                                        r.unchanged(),
                                        r.conflicts().size(),
                                        r.version()));
                for (MatrixWorkbookImport.Conflict c : r.conflicts()) {
                    out.println(Texts.get(
                            "cli.responsibility.conflict",
                            c.row(),
                            c.clause(),
                            c.accountable(),
                            c.platform(),
                            c.workbook()));
                }
                return 0;
            } catch (MatrixWorkbookImport.WorkbookRejected e) {
                err.println(Texts.get(
                        "responsibility.workbook.rejected", e.problems().size()));
                e.problems()
                        .forEach(p -> err.println(
                                Texts.get("cli.responsibility.problem", p.sheet(), p.row(), p.column(), p.message())));
                return 1;
            }
        }
    }

    /** {@code statement --system ID --out FILE [--version N]}: the DOCX 《云服务安全责任分工说明》. */
    @Command(name = "statement")
    static class Statement extends VersionExport {
        private final StatementDocx statement;

        Statement(UserAdministration users, ApplicationEventPublisher events, StatementDocx statement) {
            super(users, events);
            this.statement = statement;
        }

        @Override
        protected byte[] render() {
            return statement.render(systemId, version);
        }
    }
}
