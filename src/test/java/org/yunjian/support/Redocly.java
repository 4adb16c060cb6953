package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code @redocly/cli lint} (npm, the pinned {@link #VERSION}, installed by {@code .ci/run} into {@link #HOME}): an
 * OpenAPI linter no one here wrote, with the ruleset {@code redocly.yaml} picks (issue 60: the document had 300 errors).
 * When it is not installed but {@code npm} is, it is installed there on first use; without Node.js a test that needs it
 * is skipped with a notice — or, under {@code CI=true}, fails.
 */
public final class Redocly {

    /** The version linted with: a new one may add rules, so it changes only here and in {@code .ci/run}. */
    public static final String VERSION = "2.77.0";

    /** Where it is installed ({@code npm install --prefix}): outside the repository, kept between builds. */
    public static final Path HOME = Path.of(System.getProperty("user.home"), ".cache", "yunjian", "redocly-" + VERSION);

    private static final Path BIN = HOME.resolve("node_modules/.bin/redocly");

    private Redocly() {}

    /**
     * What {@code redocly lint --format=json} says of the document in {@code file}, with the configuration
     * {@code config}: its JSON report (totals and problems).
     */
    public static String lint(Path file, Path config) {
        Path bin = installed();
        return run(
                List.of(
                        bin.toString(),
                        "lint",
                        file.toString(),
                        "--config=" + config,
                        "--format=json",
                        "--max-problems=1000"),
                120);
    }

    private static Path installed() {
        if (Files.isExecutable(BIN)) {
            return BIN;
        }
        Path npm = Path.of("/usr/bin/npm");
        if (!Files.isExecutable(npm)) {
            String msg = "Node.js and npm not installed (Debian packages nodejs, npm), so no @redocly/cli " + VERSION;
            if (PostgresForTests.mandatory()) {
                throw new IllegalStateException(msg + "; CI=true makes the OpenAPI lint mandatory");
            }
            System.err.println("*** NOTICE: " + msg + ": OpenAPI lint SKIPPED ***");
            Assumptions.abort(msg + ": skipped");
        }
        // what .ci/run does, for a build that did not run it
        run(
                List.of(
                        npm.toString(),
                        "install",
                        "--prefix",
                        HOME.toString(),
                        "--no-audit",
                        "--no-fund",
                        "@redocly/cli@" + VERSION),
                600);
        if (!Files.isExecutable(BIN)) {
            throw new IllegalStateException("npm installed @redocly/cli " + VERSION + " but not " + BIN);
        }
        return BIN;
    }

    private static String run(List<String> command, int seconds) {
        try {
            Path err = Files.createTempFile("yunjian-redocly-", ".err");
            try {
                Process p =
                        new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(command + " did not finish within " + seconds + " s");
                }
                if (p.exitValue() != 0 && out.isBlank()) {
                    throw new AssertionError(command + " exited with " + p.exitValue() + ":\n" + Files.readString(err));
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
