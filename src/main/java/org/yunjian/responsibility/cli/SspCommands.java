package org.yunjian.responsibility.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.internal.exchange.SspService;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yunjian responsibility export-ssp | import-ssp}: the matrix as an OSCAL system security plan. */
final class SspCommands {

    private SspCommands() {}

    /** {@code export-ssp --system ID --format json|xml --side provider|customer [--version N] --out FILE}. */
    @Command(name = "export-ssp")
    static class ExportSsp extends VersionExport {

        enum Format {
            json,
            xml
        }

        enum Side {
            provider,
            customer
        }

        @Option(
                names = "--format",
                defaultValue = "json",
                paramLabel = "json|xml",
                descriptionKey = "cli.responsibility.option.format")
        Format format;

        @Option(
                names = "--side",
                required = true,
                paramLabel = "provider|customer",
                descriptionKey = "cli.responsibility.option.side")
        Side side;

        private final SspService ssp;

        ExportSsp(UserAdministration users, ApplicationEventPublisher events, SspService ssp) {
            super(users, events);
            this.ssp = ssp;
        }

        @Override
        protected byte[] render() {
            return ssp.export(
                            systemId,
                            version,
                            side == Side.provider ? SignOffSide.PROVIDER : SignOffSide.CUSTOMER,
                            format == Format.xml ? OscalFormat.XML : OscalFormat.JSON)
                    .content();
        }
    }

    /** {@code import-ssp --system ID --file FILE}: a new draft version, or every problem with its place. */
    @Command(name = "import-ssp", mixinStandardHelpOptions = true)
    static class ImportSsp extends ActingCommand {

        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        @Option(
                names = "--file",
                required = true,
                paramLabel = "FILE",
                descriptionKey = "cli.responsibility.option.file")
        Path file;

        @Mixin
        BaseVersionOption baseVersion = new BaseVersionOption();

        private final SspService ssp;

        ImportSsp(UserAdministration users, ApplicationEventPublisher events, SspService ssp) {
            super(users, events);
            this.ssp = ssp;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            byte[] content;
            try (var in = Files.newInputStream(file)) {
                content = in.readNBytes(ssp.maxBytes() + 1);
            } catch (IOException e) {
                err.println(Texts.get("cli.responsibility.importSsp.unreadable", file, e.getMessage()));
                return 1;
            }
            var r = ssp.importSsp(
                    systemId,
                    file.getFileName().toString(),
                    content,
                    baseVersion.of(() -> ssp.currentVersion(systemId)));
            out.println(Texts.get(
                    r.changed() ? "cli.responsibility.importSsp.done" : "cli.responsibility.importSsp.unchanged",
                    file.getFileName(),
                    r.view().version().version()));
            return 0;
        }
    }
}
