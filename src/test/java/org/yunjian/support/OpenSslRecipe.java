package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The OpenSSL 3 recipe of {@code docs/signatures.md}, run as the document writes it (the bash block between its
 * {@code recipe:begin} and {@code recipe:end} markers) on a signed record, with stock {@code openssl} and
 * {@code python3}: what a third party checking a signature does (issue 60).
 */
public final class OpenSslRecipe {

    /** How the recipe ended: its exit code and what it printed. */
    public record Outcome(int exitCode, String output) {
        public boolean verified() {
            return exitCode == 0 && output.contains("Signature Verified Successfully");
        }
    }

    private OpenSslRecipe() {}

    /** The recipe's script, read from {@code docs/signatures.md}. */
    public static String script() {
        try {
            String doc = Files.readString(Path.of("docs/signatures.md"), StandardCharsets.UTF_8);
            int begin = doc.indexOf("<!-- recipe:begin -->");
            int end = doc.indexOf("<!-- recipe:end -->");
            String block = doc.substring(begin, end);
            return block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recipe run on {@code record} (the file's bytes) with {@code key} as its PEM public key. */
    public static Outcome verify(byte[] record, PublicKey key) {
        return verify(record, pem(key));
    }

    /** The recipe run on {@code record} with {@code keyPem} (PEM {@code PUBLIC KEY}). */
    public static Outcome verify(byte[] record, String keyPem) {
        try {
            Path dir = Scratch.directory("yunjian-openssl-");
            Path doc = Files.write(dir.resolve("record.json"), record);
            Path key = Files.writeString(dir.resolve("key.pem"), keyPem, StandardCharsets.US_ASCII);
            ProcessBuilder b = new ProcessBuilder("bash", "-c", script()).redirectErrorStream(true);
            b.environment().put("DOC", doc.toString());
            b.environment().put("KEY", key.toString());
            Process p = b.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the OpenSSL recipe did not finish within 60 s");
            }
            return new Outcome(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code key} as PEM {@code PUBLIC KEY}. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
