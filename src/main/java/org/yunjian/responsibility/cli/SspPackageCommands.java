package org.yunjian.responsibility.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.responsibility.internal.exchange.PackageReading;
import org.yunjian.responsibility.internal.exchange.SspPackages;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yunjian responsibility export-package | import-package} (issue 60): the provider's leveraged-authorization
 * package out, a provider's plan in — each control with the Chinese duties and items it lands on, the unmapped ones
 * listed. An import changes nothing on the matrix.
 */
final class SspPackageCommands {

    private SspPackageCommands() {}

    /** {@code export-package --system ID --format json|xml --out FILE}: the current version's package. */
    @Command(name = "export-package", mixinStandardHelpOptions = true)
    static class ExportPackage extends ActingCommand {

        enum Format {
            json,
            xml
        }

        @Option(
                names = "--system",
                required = true,
                paramLabel = "SYSTEM_ID",
                descriptionKey = "cli.responsibility.option.system")
        UUID systemId;

        @Option(
                names = "--format",
                defaultValue = "json",
                paramLabel = "json|xml",
                descriptionKey = "cli.responsibility.option.format")
        Format format;

        @Option(
                names = {"-o", "--out"},
                required = true,
                paramLabel = "FILE",
                descriptionKey = "cli.responsibility.option.out")
        Path out;

        private final SspPackages packages;

        ExportPackage(UserAdministration users, ApplicationEventPublisher events, SspPackages packages) {
            super(users, events);
            this.packages = packages;
        }

        @Override
        protected int work(PrintWriter stdout, PrintWriter err) throws IOException {
            byte[] content = packages.export(systemId, format == Format.xml ? OscalFormat.XML : OscalFormat.JSON)
                    .content();
            Files.write(out, content);
            stdout.println(Texts.get("cli.responsibility.wrote", out, org.yunjian.shared.Formats.size(content.length)));
            return 0;
        }
    }

    /** {@code import-package --system ID --file FILE}: stored and listed, mapped and unmapped controls. */
    @Command(name = "import-package", mixinStandardHelpOptions = true)
    static class ImportPackage extends ActingCommand {

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

        private final SspPackages packages;
        private final org.yunjian.responsibility.internal.exchange.SspService ssp;

        ImportPackage(
                UserAdministration users,
                ApplicationEventPublisher events,
                SspPackages packages,
                org.yunjian.responsibility.internal.exchange.SspService ssp) {
            super(users, events);
            this.packages = packages;
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
            SspPackages.Shown s =
                    packages.importPackage(systemId, file.getFileName().toString(), content);
            PackageReading.Reading r = s.reading();
            out.println(Texts.get(
                    "cli.responsibility.importPackage.done",
                    file.getFileName(),
                    Msg.of(r.kind()).text(),
                    r.mapped().size(),
                    r.unmapped().size()));
            for (PackageReading.Implementation i : r.implementations()) {
                if (i.mapped()) {
                    for (PackageReading.Target t : i.targets()) {
                        out.println(Texts.get(
                                "cli.responsibility.importPackage.mapped",
                                i.controlId(),
                                t.label(),
                                t.relationship() == null
                                        ? Texts.get("responsibility.package.itself")
                                        : Texts.get("responsibility.package.relationship." + t.relationship()),
                                i.carrier() == null
                                        ? Texts.get("responsibility.package.ownOnly")
                                        : Msg.of(i.carrier()).text()));
                    }
                } else {
                    out.println(Texts.get("cli.responsibility.importPackage.unmapped", i.controlId()));
                }
            }
            return 0;
        }
    }
}
