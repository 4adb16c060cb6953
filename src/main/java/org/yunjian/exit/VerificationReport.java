package org.yunjian.exit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.yunjian.exit.internal.Checkpoint;

/**
 * The outcome of a verification. Findings are kept in a file (the checkpoint, or a temporary file), not in
 * memory, so millions of differences do not exhaust the heap; {@link #forEachFinding} streams them.
 *
 * @param signature   the manifest signature's status
 * @param signatureDetail why the signature has this status
 * @param totals      counts
 * @param interrupted whether the run stopped before the end (resume it from the checkpoint)
 * @param findingsFile where the findings are
 * @param algorithm   the checksum algorithm
 * @param target      what was verified
 */
public record VerificationReport(
        SignatureStatus signature,
        ExitText signatureDetail,
        Totals totals,
        boolean interrupted,
        Path findingsFile,
        HashAlgorithm algorithm,
        String target) {

    /** Only a complete run with a valid (or inapplicable) signature and no differences is clean. */
    public boolean clean() {
        return !interrupted
                && totals.differences() == 0
                && (signature == SignatureStatus.VALID || signature == SignatureStatus.NOT_APPLICABLE);
    }

    /**
     * The report as {@code yunjian exit verify} prints it without {@code --json}: a line per finding, the signature,
     * the totals and the verdict, in the language of this run.
     */
    public void printText(java.io.PrintWriter o) {
        Totals t = totals;
        forEachFinding(f -> o.printf(
                "%-14s %s%s%n",
                ExitTexts.get("exit.finding.kind." + f.kind().name()),
                f.path().replaceAll("[\\r\\n]+", " "),
                (f.detail() == null ? "" : ExitTexts.get("exit.cli.findingDetail", f.text()))
                        + (f.kind() == Finding.Kind.SIZE_MISMATCH || f.kind() == Finding.Kind.HASH_MISMATCH
                                ? ExitTexts.get("exit.cli.expectedFound", f.expected(), f.actual())
                                : "")));
        o.println(ExitTexts.get(
                "exit.cli.signature",
                ExitTexts.get("exit.signature.status." + signature.name()),
                signatureDetail == null ? "" : signatureDetail));
        o.println(ExitTexts.get(
                "exit.cli.totals",
                t.expected(),
                t.ok(),
                t.missing(),
                t.extra(),
                t.sizeMismatch(),
                t.hashMismatch(),
                t.unreadable(),
                t.bytesHashed(),
                t.hashedThisRun()));
        o.println(ExitTexts.get(
                clean()
                        ? "exit.cli.result.ok"
                        : interrupted ? "exit.cli.result.interrupted" : "exit.cli.result.differences"));
        o.flush();
    }

    public void forEachFinding(Consumer<Finding> action) {
        try {
            Checkpoint.readFindings(findingsFile, action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        forEachFinding(all::add);
        return all;
    }

    /** Removes a temporary findings file. */
    public void discardTemporaryFindings() {
        if (findingsFile.getFileName().toString().startsWith("yunjian-findings-")) {
            try {
                Files.deleteIfExists(findingsFile);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
