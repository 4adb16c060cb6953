package org.yunjian.exit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import org.yunjian.exit.DeletionCertificate;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian exit verify-certificate CERT.json --pubkey platform.pub.pem}: checks a deletion certificate
 * offline: the platform's SM2 signature and the provider's countersignature of the deletion record (its public key
 * travels inside the certificate). Exit status 0 and a one-line summary when both hold; 1 and one line naming which
 * signature fails when the certificate was changed, re-formatted or signed by another key; 2 when it cannot be read or is not a
 * certificate at all (malformed JSON, unknown algorithm).
 */
@Command(name = "verify-certificate", mixinStandardHelpOptions = true)
final class VerifyCertificateCommand extends OfflineCommand {

    @Parameters(
            index = "0",
            paramLabel = "<certificate.json>",
            descriptionKey = "cli.exit.option.verifyCertificate.certificate")
    Path certificate;

    @Option(names = "--pubkey", required = true, descriptionKey = "cli.exit.option.verifyCertificate.pubkey")
    Path pubkey;

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        String prefix = "yunjian exit verify-certificate: ";
        byte[] file;
        try {
            file = Files.readAllBytes(certificate);
        } catch (NoSuchFileException e) {
            err.println(prefix + ExitTexts.get("exit.cli.cert.missing", String.valueOf(certificate)));
            return 2;
        } catch (IOException e) {
            err.println(
                    prefix + ExitTexts.get("exit.cli.cert.unreadable", String.valueOf(certificate), e.getMessage()));
            return 2;
        }
        PublicKey key;
        try {
            key = Keys.readPublicKey(pubkey);
        } catch (RuntimeException e) {
            err.println(prefix + ExitTexts.get("exit.cli.cert.error", ExitCli.oneLine(e.getMessage())));
            return 2;
        }
        try {
            DeletionCertificate.Verified v = DeletionCertificate.verify(file, key);
            out.println(ExitTexts.get(
                    "exit.cli.cert.valid",
                    ExitCli.oneLine(v.summary().text()),
                    ExitCli.oneLine(v.countersignature().text())));
            return 0;
        } catch (DeletionCertificate.Invalid e) {
            boolean input = e.reason() == DeletionCertificate.Invalid.Reason.MALFORMED
                    || e.reason() == DeletionCertificate.Invalid.Reason.UNKNOWN_ALGORITHM;
            err.println(prefix + ExitTexts.get("exit.cli.cert.invalid", ExitCli.oneLine(e.getMessage())));
            return input ? 2 : 1;
        }
    }
}
