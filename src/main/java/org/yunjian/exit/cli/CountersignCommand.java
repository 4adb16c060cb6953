package org.yunjian.exit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.yunjian.exit.DeletionRecord;
import org.yunjian.exit.Keys;
import org.yunjian.exit.ManifestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian exit countersign RECORD.json --key provider.key.pem}: the provider's SM2 countersignature of a
 * deletion record downloaded from the exit project ({@link DeletionRecord}), printed on stdout as base64 and
 * nothing else, to be pasted or uploaded on the project. A file that is not a record as the platform offers it
 * (edited, re-formatted) is refused (exit status 2) so nothing else is signed by mistake.
 */
@Command(name = "countersign", mixinStandardHelpOptions = true)
final class CountersignCommand extends OfflineCommand {

    @Parameters(
            index = "0",
            paramLabel = "<deletion-record.json>",
            descriptionKey = "cli.exit.option.countersign.record")
    Path record;

    @Option(names = "--key", required = true, descriptionKey = "cli.exit.option.countersign.key")
    Path key;

    @Option(
            names = "--passphrase-env",
            defaultValue = ExitCli.PASSPHRASE_ENV,
            descriptionKey = "cli.exit.option.passphraseEnv")
    String passphraseEnv;

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        byte[] file;
        try {
            file = Files.readAllBytes(record);
        } catch (IOException e) {
            throw new ManifestException(
                    e, "exit.cli.cannotReadRecord", String.valueOf(record), String.valueOf(e.getMessage()));
        }
        PrivateKey k = Keys.readPrivateKey(key, ExitCli.passphraseFor(key, passphraseEnv));
        out.println(DeletionRecord.countersign(file, k));
        return 0;
    }
}
