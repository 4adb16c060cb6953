package org.yunjian.exitproject;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.yunjian.crypto.Pem;
import org.yunjian.exit.Keys;
import org.yunjian.exit.cli.ExitCli;

/**
 * A provider's side of a hand-over, made with the real offline CLI in-process: a small tree with a sensitive and
 * a public file, the provider's SM2 key pair, a signed manifest, the JSON report of verifying the tree, and the
 * JSON report of checking an object-storage bucket for leftovers after the deletion.
 */
final class HandOver {

    final Path dir;
    final Path tree;
    final Path privateKey;
    final Path publicKey;
    final Path manifest;
    final KeyPair pair = Keys.generate();
    /** The customer's (verifier's) key pair: verification reports are signed with it. */
    final KeyPair verifier = Keys.generate();

    final Path verifierKey;
    final Path verifierPublicKey;

    HandOver(Path dir) throws IOException {
        this.dir = dir;
        tree = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(tree.resolve("db"));
        Files.writeString(tree.resolve("db/citizens.csv"), "身份证号,姓名\n110101199001011234,张三\n");
        Files.writeString(tree.resolve("notice.txt"), "公开通知\n");
        privateKey = dir.resolve("provider.key.pem");
        publicKey = dir.resolve("provider.pub.pem");
        Files.writeString(privateKey, Pem.writePrivateKey(pair.getPrivate()));
        Files.writeString(publicKey, Pem.writePublicKey(pair.getPublic()));
        verifierKey = dir.resolve("verifier.key.pem");
        Files.writeString(verifierKey, Pem.writePrivateKey(verifier.getPrivate()));
        verifierPublicKey = dir.resolve("verifier.pub.pem");
        Files.writeString(verifierPublicKey, Pem.writePublicKey(verifier.getPublic()));
        manifest = dir.resolve("portal-handover.jsonl");
        Path inventory = dir.resolve("inventory.jsonl");
        Files.writeString(
                inventory,
                "{\"category\":\"key-custody\",\"name\":\"数据库加密密钥\",\"description\":\"由客户信息中心保管\","
                        + "\"sensitivity\":\"敏感\"}\n");
        String[] out = cli(
                "exit",
                "manifest",
                "build",
                tree.toString(),
                "--out",
                manifest.toString(),
                "--key",
                privateKey.toString(),
                "--sensitive-glob",
                "db/**",
                "--public-glob",
                "*.txt",
                "--inventory",
                inventory.toString());
        if (!out[0].equals("0")) {
            throw new IllegalStateException("manifest build failed: " + out[1] + out[2]);
        }
    }

    String publicKeyPem() throws IOException {
        return Files.readString(publicKey);
    }

    String verifierPem() {
        return Pem.writePublicKey(verifier.getPublic());
    }

    /**
     * The report of {@code exit verify --json --key <verifier key>} over the tree (clean unless the tree was
     * changed), signed by the customer's verifier key.
     */
    Path report(String name) throws IOException {
        return report(name, verifierKey);
    }

    /** As {@link #report(String)}, signed with {@code key} (null: unsigned). */
    Path report(String name, Path key) throws IOException {
        String[] base = {
            "exit",
            "verify",
            "--manifest",
            manifest.toString(),
            "--pubkey",
            publicKey.toString(),
            tree.toString(),
            "--json"
        };
        String[] out = cli(
                key == null
                        ? base
                        : java.util.stream.Stream.concat(
                                        java.util.Arrays.stream(base),
                                        java.util.stream.Stream.of("--key", key.toString()))
                                .toArray(String[]::new));
        Path report = dir.resolve(name);
        Files.writeString(report, out[1], StandardCharsets.UTF_8);
        return report;
    }

    /**
     * The JSON of {@code exit check-deleted --json} over {@code target} at an S3 endpoint, run in-process with the
     * given credentials (which the command takes from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the SDK's
     * {@code aws.accessKeyId} / {@code aws.secretAccessKey} system properties).
     */
    Path checkDeleted(String name, String endpoint, String target, String accessKey, String secretKey)
            throws IOException {
        String id = System.getProperty("aws.accessKeyId");
        String secret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", accessKey);
        System.setProperty("aws.secretAccessKey", secretKey);
        String[] out;
        try {
            out = cli("exit", "check-deleted", target, "--json", "--endpoint", endpoint, "--region", "us-east-1");
        } finally {
            restore("aws.accessKeyId", id);
            restore("aws.secretAccessKey", secret);
        }
        if (!out[0].equals("0") && !out[0].equals("1")) {
            throw new IllegalStateException("check-deleted failed: " + out[2]);
        }
        Path report = dir.resolve(name);
        Files.writeString(report, out[1], StandardCharsets.UTF_8);
        return report;
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ExitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(rc), out.toString(), err.toString()};
    }
}
