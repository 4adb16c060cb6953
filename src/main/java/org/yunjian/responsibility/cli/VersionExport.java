package org.yunjian.responsibility.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Option;

/**
 * A command writing one version of a system's matrix to a file ({@code --system ID [--version N] --out FILE}, as a
 * user): the workbook, the statement, the OSCAL plan. Subclasses render the bytes; this writes them and says where.
 */
abstract class VersionExport extends ActingCommand {

    /**
     * {@code -h, --help} of its own: {@code --version} here names the matrix version, so the standard help options
     * (which bring {@code -V, --version} too) cannot be mixed in — with them picocli dropped both, and {@code --help}
     * was answered "missing required options".
     */
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            descriptionKey = "cli.option.help")
    boolean help;

    @Option(
            names = "--system",
            required = true,
            paramLabel = "SYSTEM_ID",
            descriptionKey = "cli.responsibility.option.system")
    UUID systemId;

    @Option(names = "--version", paramLabel = "N", descriptionKey = "cli.responsibility.option.version")
    Integer version;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            descriptionKey = "cli.responsibility.option.out")
    Path out;

    VersionExport(UserAdministration users, ApplicationEventPublisher events) {
        super(users, events);
    }

    /** The file's content, read as the acting user (404 / 403 as on the web). */
    protected abstract byte[] render();

    @Override
    protected int work(PrintWriter stdout, PrintWriter err) throws IOException {
        byte[] content = render();
        Files.write(out, content);
        stdout.println(Texts.get("cli.responsibility.wrote", out, Formats.size(content.length)));
        return 0;
    }
}
