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
public record VerificationReport(SignatureStatus signature, ExitText signatureDetail, Totals totals, boolean interrupted,
                                 Path findingsFile, HashAlgorithm algorithm, String target) {

    /** Only a complete run with a valid (or inapplicable) signature and no differences is clean. */
    public boolean clean() {
        return !interrupted && totals.differences() == 0
                && (signature == SignatureStatus.VALID || signature == SignatureStatus.NOT_APPLICABLE);
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
