package org.yunjian.party.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import org.yunjian.party.internal.ImportService.Format;
import org.yunjian.party.internal.ImportService.ImportRejectedException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yunjian import organizations|systems --file F [--format csv|json]}: all rows or none. */
@Component
@Command(name = "import", description = "Import organisations or cloud systems from CSV or JSON (all rows or none).",
        mixinStandardHelpOptions = true,
        subcommands = {ImportCommand.Organizations.class, ImportCommand.Systems.class})
public class ImportCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Options and the reporting shared by both subcommands. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, description = "UTF-8 CSV (header row, lists separated by ';') or JSON array")
        Path file;

        @Option(names = "--format", description = "csv or json; detected from the content when omitted")
        String format;

        final ImportService service;

        Base(ImportService service) {
            this.service = service;
        }

        abstract ImportService.Result run(byte[] content, Format format);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Format f;
            try {
                f = Format.parse(format);
            } catch (IllegalArgumentException e) {
                err.println("Unknown format '" + format + "': use csv or json.");
                return 1;
            }
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(service.maxBytes() + 1);
            } catch (IOException e) {
                err.println("Cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            try {
                ImportService.Result r = run(content, f);
                out.println("已导入 " + r.count() + " 条 / Imported " + r.count() + " " + r.kind() + " from "
                        + file.getFileName() + ".");
                out.flush();
                return 0;
            } catch (ImportRejectedException e) {
                err.println("导入被拒绝，未保存任何记录 / Import rejected, nothing stored. " + e.rows().size()
                        + " bad row(s):");
                for (ImportService.RowError row : e.rows()) {
                    String where = row.position() == null ? "file"
                            : e.format() == Format.JSON ? "[" + row.position() + "]" : "line " + row.position();
                    row.errors().forEach((field, message) -> err.println("  " + where + ": " + field + ": " + message));
                }
                err.flush();
                return 1;
            }
        }
    }

    @Command(name = "organizations", description = "Import organisations (name, creditCode, region, roles).",
            mixinStandardHelpOptions = true)
    static class Organizations extends Base {
        Organizations(ImportService service) {
            super(service);
        }

        @Override
        ImportService.Result run(byte[] content, Format format) {
            return service.importOrganizationsAsOperator(content, format);
        }
    }

    @Command(name = "systems", description = "Import cloud systems (organisations referred to by credit code).",
            mixinStandardHelpOptions = true)
    static class Systems extends Base {
        Systems(ImportService service) {
            super(service);
        }

        @Override
        ImportService.Result run(byte[] content, Format format) {
            return service.importSystemsAsOperator(content, format);
        }
    }
}
