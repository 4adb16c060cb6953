package org.yunjian.party.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import org.yunjian.party.internal.ImportService;
import org.yunjian.party.internal.ImportService.Format;
import org.yunjian.party.internal.ImportService.ImportRejectedException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yunjian import organizations|systems --file F [--format csv|json]}: all rows or none. */
@Component
@Command(
        name = "import",
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
    abstract static class Base extends YunjianCommand {

        @Option(names = "--file", required = true, descriptionKey = "cli.import.option.file")
        Path file;

        @Option(names = "--format", descriptionKey = "cli.import.option.format")
        String format;

        final ImportService service;

        Base(ImportService service) {
            this.service = service;
        }

        abstract ImportService.Result run(byte[] content, Format format);

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            Format f;
            try {
                f = Format.parse(format);
            } catch (IllegalArgumentException e) {
                err.println(Texts.get("cli.import.unknownFormat", format));
                return 1;
            }
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(service.maxBytes() + 1);
            } catch (IOException e) {
                err.println(Texts.get("cli.import.unreadable", file, e.getMessage()));
                return 1;
            }
            try {
                ImportService.Result r = run(content, f);
                out.println(Texts.get(
                        "cli.import.done", r.count(), Texts.get("cli.import.kind." + r.kind()), file.getFileName()));
                return 0;
            } catch (ImportRejectedException e) {
                err.println(Texts.get("cli.import.rejected", e.rows().size()));
                for (ImportService.RowError row : e.rows()) {
                    String where = row.position() == null
                            ? Texts.get("party.import.where.file")
                            : e.format() == Format.JSON
                                    ? "[" + row.position() + "]"
                                    : Texts.get("party.import.where.line", row.position());
                    row.errors()
                            .forEach((field, message) ->
                                    err.println(Texts.get("cli.import.rowError", where, field, message)));
                }
                return 1;
            }
        }
    }

    @Command(name = "organizations", mixinStandardHelpOptions = true)
    static class Organizations extends Base {
        Organizations(ImportService service) {
            super(service);
        }

        @Override
        ImportService.Result run(byte[] content, Format format) {
            return service.importOrganizationsAsOperator(content, format);
        }
    }

    @Command(name = "systems", mixinStandardHelpOptions = true)
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
