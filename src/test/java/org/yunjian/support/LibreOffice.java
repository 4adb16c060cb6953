package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice headless (Debian {@code libreoffice-writer-nogui}, installed by {@code .ci/run}): converts a Word
 * document to PDF as a user opening it in LibreOffice would see it. A test that needs it is skipped with a notice
 * when it is not installed — or, under {@code CI=true}, fails.
 */
public final class LibreOffice {

    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/bin/soffice"),
            Path.of("/usr/lib/libreoffice/program/soffice"),
            Path.of("/opt/libreoffice/program/soffice"));

    private LibreOffice() {}

    /** {@code docx} converted to PDF with a profile of its own (so a running LibreOffice does not interfere). */
    public static byte[] toPdf(byte[] docx, String name) {
        Path soffice =
                CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (soffice == null) {
            String msg = "LibreOffice not installed (Debian package libreoffice-writer-nogui)";
            if (PostgresForTests.mandatory()) {
                throw new IllegalStateException(msg + "; CI=true makes the LibreOffice rendering test mandatory");
            }
            System.err.println("*** NOTICE: " + msg + ": LibreOffice test SKIPPED ***");
            Assumptions.abort(msg + ": skipped");
        }
        Path dir = Scratch.directory("yunjian-soffice-");
        try {
            Path in = Files.write(dir.resolve(name + ".docx"), docx);
            Process p = new ProcessBuilder(
                            soffice.toString(),
                            "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                            "--headless",
                            "--norestore",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            dir.toString(),
                            in.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("soffice.log").toFile())
                    .start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("soffice did not finish within 180 s");
            }
            Path pdf = dir.resolve(name + ".pdf");
            if (!Files.exists(pdf)) {
                throw new IllegalStateException(
                        "soffice wrote no PDF: " + Files.readString(dir.resolve("soffice.log")));
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Scratch.delete(dir); // its profile is some 30 MB
        }
    }
}
