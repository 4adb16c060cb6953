package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code qpdf --check} (Debian {@code qpdf}, installed by {@code .ci/run}): a PDF structure checker no one here wrote —
 * cross-reference table, trailer, object streams, page tree (issue 60: the trailer's {@code /Size} was wrong in every
 * PDF). A test that needs it is skipped with a notice when it is not installed — or, under {@code CI=true}, fails.
 */
public final class Qpdf {

    private static final Path QPDF = Path.of("/usr/bin/qpdf");

    private Qpdf() {}

    /**
     * What {@code qpdf --check} says of {@code pdf}.
     *
     * @throws AssertionError if it finds an error or a warning, quoting it
     */
    public static String check(byte[] pdf, String name) {
        if (!Files.isExecutable(QPDF)) {
            String msg = "qpdf not installed (Debian package qpdf)";
            if (PostgresForTests.mandatory()) {
                throw new IllegalStateException(msg + "; CI=true makes the qpdf check mandatory");
            }
            System.err.println("*** NOTICE: " + msg + ": qpdf check SKIPPED ***");
            Assumptions.abort(msg + ": skipped");
        }
        try {
            Path file = Files.createTempFile("yunjian-qpdf-" + name + "-", ".pdf");
            try {
                Files.write(file, pdf);
                Process p = new ProcessBuilder(QPDF.toString(), "--check", file.toString())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("qpdf --check did not finish within 60 s: " + name);
                }
                // exit 0: clean; 3: warnings; 2: errors
                if (p.exitValue() != 0 || out.contains("WARNING")) {
                    throw new AssertionError("qpdf --check on " + name + " (exit " + p.exitValue() + "):\n" + out);
                }
                return out;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
