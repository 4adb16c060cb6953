package org.yunjian.exit.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yunjian.exit.DeletionCertificate.Invalid;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.Keys;
import org.yunjian.exit.ReportSeal;
import org.yunjian.exit.cli.OfflineCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian report verify REPORT.pdf [--seal SEAL.seal.json] --pubkey platform.pub.pem}: checks a downloaded
 * report file (DOCX, PDF or OSCAL results) offline against the seal of its revision and the platform's public key.
 * Without {@code --seal} the {@code *.seal.json} files next to the report are tried. Exit status 0 and one line on
 * stdout when the file is the sealed one; 1 and one line on stderr naming the problem when the file was changed,
 * the seal was changed or signed by another key; 2 when a file cannot be read or is not a seal at all.
 */
@Command(name = "verify", mixinStandardHelpOptions = true)
final class VerifyReportCommand extends OfflineCommand {

    private static final String PREFIX = "yunjian report verify: ";

    @Parameters(index = "0", paramLabel = "<report>", descriptionKey = "cli.report.option.file")
    Path file;

    @Option(names = "--seal", descriptionKey = "cli.report.option.seal")
    Path seal;

    @Option(names = "--pubkey", required = true, descriptionKey = "cli.report.option.pubkey")
    Path pubkey;

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        try {
            byte[] report = read(file);
            PublicKey key;
            try {
                key = Keys.readPublicKey(pubkey);
            } catch (RuntimeException e) {
                return refuse(2, "report.cli.keyUnreadable", String.valueOf(pubkey), e.getMessage());
            }
            List<Path> seals = seal != null ? List.of(seal) : sealsNextTo(file);
            if (seals.isEmpty()) {
                return refuse(
                        2,
                        "report.cli.noSeal",
                        String.valueOf(file.toAbsolutePath().getParent()));
            }
            Invalid first = null;
            for (Path s : seals) {
                try {
                    ReportSeal.Sealed sealed = ReportSeal.verify(read(s), key);
                    Map<?, ?> entry = sealed.fileOf(report);
                    out.println(ExitTexts.get(
                            "report.cli.valid", sealed.summary(entry).text()));
                    return 0;
                } catch (Invalid e) {
                    first = first == null ? e : first;
                }
            }
            boolean input =
                    first.reason() == Invalid.Reason.MALFORMED || first.reason() == Invalid.Reason.UNKNOWN_ALGORITHM;
            return refuse(input ? 2 : 1, "report.cli.invalid", first.getMessage());
        } catch (Unreadable e) {
            return e.status;
        }
    }

    private int refuse(int status, String key, Object... args) {
        Object[] oneLine = args.clone();
        for (int i = 0; i < oneLine.length; i++) {
            oneLine[i] = oneLine[i] == null ? "" : String.valueOf(oneLine[i]).replaceAll("[\\r\\n]+", " ");
        }
        err().println(PREFIX + ExitTexts.get(key, oneLine));
        return status;
    }

    private byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new Unreadable(refuse(2, "report.cli.missing", String.valueOf(p)));
        } catch (IOException e) {
            throw new Unreadable(refuse(2, "report.cli.unreadable", String.valueOf(p), e.getMessage()));
        }
    }

    /** The seals downloaded next to the report ({@code *.seal.json} in its directory), in name order. */
    private static List<Path> sealsNextTo(Path report) {
        List<Path> out = new ArrayList<>();
        Path dir = report.toAbsolutePath().getParent();
        if (dir == null) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.seal.json")) {
            s.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** A file that could not be read: the refusal is printed, {@code status} is the exit status. */
    private static final class Unreadable extends RuntimeException {
        final int status;

        Unreadable(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }
}
