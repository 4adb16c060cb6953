package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(org.yunjian.exit.InEnglish.class)
class ManifestVerificationTest {

    @TempDir
    Path tmp;

    ExitFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new ExitFixture(tmp);
    }

    @Test
    void unchangedTreeVerifiesCleanWithValidSignature() throws IOException {
        Path m = fx.build("--public-glob", "docs/**", "--sensitive-glob", "*.key");
        assertThat(fx.verify(m)).as(fx.out + fx.err).isZero();
        assertThat(fx.out)
                .contains("signature: VALID")
                .contains("5 expected, 5 ok")
                .contains("RESULT: OK");
        List<String> lines = Files.readAllLines(m);
        assertThat(lines.get(0))
                .startsWith(
                        "{\"type\":\"header\",\"format\":\"yunjian-exit-manifest\",\"version\":2,\"algorithm\":\"sm3\"")
                .endsWith(",\"chunkSize\":67108864,\"chunkThreshold\":268435456}");
        assertThat(lines)
                .anySatisfy(l ->
                        assertThat(l).contains("\"path\":\"docs/readme.md\"").contains("\"sensitivity\":\"公开\""));
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l).contains("\"path\":\"secret.key\"").contains("\"sensitivity\":\"敏感\""));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).contains("\"path\":\"a-b.bin\"").contains("\"format\":\"image/png\""));
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"trailer\"");
        // canonical order: a directory's content before a sibling whose name continues with a lower byte
        assertThat(lines.stream()
                        .filter(l -> l.contains("\"type\":\"file\""))
                        .map(l -> l.replaceAll(".*\"path\":\"([^\"]+)\".*", "$1")))
                .containsExactly("a-b.bin", "a.txt", "docs/readme.md", "docs/sub/data.csv", "secret.key");
    }

    @Test
    void reportsEveryKindOfDifferenceAsTextAndJson() throws Exception {
        Path m = fx.build();
        Files.delete(fx.tree.resolve("a.txt")); // missing
        Files.writeString(fx.tree.resolve("new.txt"), "extra"); // extra
        Files.writeString(fx.tree.resolve("docs/readme.md"), "# readme, longer\n"); // size
        Files.writeString(fx.tree.resolve("secret.key"), "S3cr3t"); // same size, other hash
        Files.delete(fx.tree.resolve("docs/sub/data.csv"));
        mkfifo(fx.tree.resolve("docs/sub/data.csv")); // unreadable (a FIFO)
        assertThat(fx.verify(m)).isEqualTo(1);
        assertThat(fx.out)
                .contains("MISSING        a.txt")
                .contains("EXTRA          new.txt")
                .contains("SIZE_MISMATCH  docs/readme.md")
                .contains("HASH_MISMATCH  secret.key")
                .contains("UNREADABLE     docs/sub/data.csv")
                .contains("RESULT: DIFFERENCES FOUND")
                .contains("1 ok, 1 missing, 1 extra, 1 size mismatch, 1 hash mismatch, 1 unreadable");
        assertThat(fx.verify(m, "--json")).isEqualTo(1);
        assertThat(fx.out)
                .contains("\"clean\":false")
                .contains("\"missing\":1")
                .contains("\"extra\":1")
                .contains("\"kind\":\"HASH_MISMATCH\",\"path\":\"secret.key\"");
        SignedVerificationReport.Read read = SignedVerificationReport.read(fx.out.getBytes(StandardCharsets.UTF_8));
        assertThat(read.signed()).isFalse();
        assertThat(read.report().clean()).isFalse();
        assertThat(read.report().findings())
                .extracting(Finding::kind)
                .containsExactlyInAnyOrder(
                        Finding.Kind.MISSING,
                        Finding.Kind.EXTRA,
                        Finding.Kind.SIZE_MISMATCH,
                        Finding.Kind.HASH_MISMATCH,
                        Finding.Kind.UNREADABLE);
    }

    @Test
    void signedJsonReportNamesTheManifestAndToolAndVerifiesOnlyUnderTheVerifiersKey() throws IOException {
        Path m = fx.build();
        java.security.KeyPair verifier = Keys.generate();
        Path vk = tmp.resolve("verifier.pem");
        Files.writeString(vk, org.yunjian.crypto.Pem.writePrivateKey(verifier.getPrivate()));
        assertThat(fx.verify(m, "--json", "--key", vk.toString())).isEqualTo(0);
        byte[] file = fx.out.getBytes(StandardCharsets.UTF_8);
        SignedVerificationReport.Read read = SignedVerificationReport.read(file);
        SignedVerificationReport r = read.report();
        assertThat(r.clean()).isTrue();
        assertThat(r.manifestSm3()).isEqualTo(org.yunjian.crypto.Sm3.digest(m).hex());
        String b64 = Files.readString(m).replaceAll("(?s).*\"signature\":\"([^\"]+)\".*", "$1");
        assertThat(r.manifestSignatureSm3())
                .isEqualTo(
                        org.yunjian.crypto.Sm3.hex(java.util.Base64.getDecoder().decode(b64)));
        assertThat(r.tool()).isEqualTo(ManifestHeader.TOOL);
        assertThat(read.signedBy(java.util.List.of(verifier.getPublic()))).isEqualTo(verifier.getPublic());
        assertThat(read.signedBy(java.util.List.of(fx.pair.getPublic()))).isNull();

        String edited = fx.out.replace("\"ok\":5", "\"ok\":4");
        assertThat(edited).isNotEqualTo(fx.out);
        assertThat(SignedVerificationReport.read(edited.getBytes(StandardCharsets.UTF_8))
                        .signedBy(java.util.List.of(verifier.getPublic())))
                .isNull();
        assertThatThrownBy(() -> SignedVerificationReport.read(
                        fx.out.replace("{\"format\"", "{ \"format\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SignedVerificationReport.Invalid.class)
                .extracting(e -> ((SignedVerificationReport.Invalid) e).reason())
                .isEqualTo(SignedVerificationReport.Invalid.Reason.NOT_CANONICAL);
        SignedVerificationReport lying = new SignedVerificationReport(
                r.manifestSm3(),
                r.manifestSignatureSm3(),
                r.tool(),
                r.target(),
                r.algorithm(),
                r.manifestSignature(),
                null,
                true,
                false,
                r.totals(),
                java.util.List.of(new Finding(Finding.Kind.EXTRA, "x", null, "1", null)));
        assertThatThrownBy(() -> SignedVerificationReport.read(lying.sign(verifier.getPrivate(), verifier.getPublic())))
                .isInstanceOf(SignedVerificationReport.Invalid.class)
                .extracting(e -> ((SignedVerificationReport.Invalid) e).reason())
                .isEqualTo(SignedVerificationReport.Invalid.Reason.VERDICT_DISAGREES);
    }

    @Test
    void tamperedSignatureOrContentIsReportedAndNeverClean() throws IOException {
        Path m = fx.build();
        String text = Files.readString(m);
        Path sig = tmp.resolve("sig.jsonl");
        String b64 = text.replaceAll("(?s).*\"signature\":\"([^\"]+)\".*", "$1");
        char c = b64.charAt(20);
        Files.writeString(sig, text.replace(b64, b64.substring(0, 20) + (c == 'A' ? 'B' : 'A') + b64.substring(21)));
        assertThat(fx.verify(sig)).isEqualTo(1);
        assertThat(fx.out).contains("signature: INVALID");

        Path content = tmp.resolve("content.jsonl");
        Files.writeString(content, text.replace("\"sensitivity\":\"敏感\"", "\"sensitivity\":\"公开\""));
        assertThat(fx.verify(content)).isEqualTo(1);
        assertThat(fx.out).contains("signature: INVALID").contains("modified after signing");
    }

    @Test
    void signatureSpelledInNonCanonicalBase64IsInvalid() throws IOException {
        // a padded signature (DER SM2 signatures are 70-72 bytes): its last character has unused bits
        String text = null;
        String b64 = null;
        for (int i = 0; i < 40 && (b64 == null || !b64.endsWith("=")); i++) {
            text = Files.readString(fx.build());
            b64 = text.replaceAll("(?s).*\"signature\":\"([^\"]+)\".*", "$1");
        }
        assertThat(b64).endsWith("=");
        String bare = b64.replaceAll("=+$", "");
        char last = bare.charAt(bare.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        String sameBits = bare.substring(0, bare.length() - 1)
                + alphabet.charAt(alphabet.indexOf(last) ^ 1)
                + b64.substring(bare.length());
        assertThat(java.util.Base64.getDecoder().decode(sameBits))
                .as("decodes to the same bytes")
                .isEqualTo(java.util.Base64.getDecoder().decode(b64));
        for (String variant : new String[] {sameBits, bare}) {
            Path m = tmp.resolve("variant.jsonl");
            Files.writeString(m, text.replace("\"" + b64 + "\"", "\"" + variant + "\""));
            assertThat(fx.verify(m)).as(variant).isEqualTo(1);
            assertThat(fx.out).contains("signature: INVALID").contains("canonical base64");
        }
    }

    @Test
    void truncatedManifestIsNeverGreen() throws IOException {
        Path m = fx.build();
        byte[] all = Files.readAllBytes(m);
        Path cut = tmp.resolve("cut.jsonl");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 40));
        assertThat(fx.verify(cut)).isEqualTo(2);
        assertThat(fx.err.strip()).contains("truncated").doesNotContain("\n");
        String text = Files.readString(m);
        Files.writeString(cut, text.substring(0, text.indexOf("{\"type\":\"trailer\"")));
        assertThat(fx.verify(cut)).isEqualTo(1);
        assertThat(fx.out).contains("signature: ABSENT");
    }

    @Test
    void detachedSignatureVerifies() throws IOException {
        Path m = fx.build("--detached-signature");
        assertThat(Files.exists(tmp.resolve("m.jsonl.sig"))).isTrue();
        assertThat(fx.verify(m)).as(fx.out + fx.err).isZero();
    }

    @Test
    void rejectsManifestNamesThatClimbOutOrAreAbsolute() throws IOException {
        for (String bad : List.of("../etc/passwd", "/etc/passwd", "a/../../x", "a//b", "a/./b", "nul\\u0000x")) {
            Path m = tmp.resolve("bad.jsonl");
            Files.writeString(
                    m,
                    header() + "{\"type\":\"file\",\"path\":\"" + bad + "\",\"size\":1,\"hash\":\"" + "0".repeat(64)
                            + "\",\"sensitivity\":\"敏感\"}\n");
            assertThat(fx.verify(m)).as(bad).isEqualTo(2);
            assertThat(fx.err).contains("line 2").containsAnyOf("'..'", "absolute", "empty segment", "'.'", "NUL");
        }
    }

    @Test
    void rejectsDuplicateAndUnorderedEntries() throws IOException {
        String e = "{\"type\":\"file\",\"path\":\"a.txt\",\"size\":1,\"hash\":\"" + "0".repeat(64)
                + "\",\"sensitivity\":\"敏感\"}\n";
        Path m = tmp.resolve("dup.jsonl");
        Files.writeString(m, header() + e + e);
        assertThat(fx.verify(m)).isEqualTo(2);
        assertThat(fx.err).contains("duplicate entry 'a.txt'");
        Files.writeString(m, header() + e + e.replace("a.txt", "0.txt"));
        assertThat(fx.verify(m)).isEqualTo(2);
        assertThat(fx.err).contains("out of order");
    }

    @Test
    void rejectsManifestWithUnknownAlgorithm() throws IOException {
        Path m = tmp.resolve("alg.jsonl");
        Files.writeString(m, header().replace("\"sm3\"", "\"md5\""));
        assertThat(fx.verify(m)).isEqualTo(2);
        assertThat(fx.err).contains("unknown hash algorithm 'md5'");
        assertThat(fx.cli(
                        "exit",
                        "manifest",
                        "build",
                        fx.tree.toString(),
                        "--out",
                        tmp.resolve("x").toString(),
                        "--key",
                        fx.key.toString(),
                        "--algorithm",
                        "crc32"))
                .isEqualTo(2);
        assertThat(fx.err).contains("unknown hash algorithm 'crc32'");
    }

    @Test
    void wrongKeyUnreadableManifestAndMissingFilesEndInOneLineErrors() throws IOException {
        Path m = fx.build();
        Path other = tmp.resolve("other.pub.pem");
        Files.writeString(
                other, org.yunjian.crypto.Pem.writePublicKey(Keys.generate().getPublic()));
        assertThat(fx.cli(
                        "exit", "verify", "--manifest", m.toString(), "--pubkey", other.toString(), fx.tree.toString()))
                .isEqualTo(2);
        assertThat(fx.err.strip())
                .startsWith("yunjian exit verify: error: wrong key")
                .doesNotContain("\n");
        assertThat(fx.verify(tmp.resolve("nope.jsonl"))).isEqualTo(2);
        assertThat(fx.err).contains("does not exist");
        Files.write(tmp.resolve("garbage.jsonl"), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        assertThat(fx.verify(tmp.resolve("garbage.jsonl"))).isEqualTo(2);
        assertThat(fx.err).contains("not valid UTF-8");
    }

    @Test
    void withoutPublicKeyTheResultIsNotClean() {
        Path m = fx.build();
        assertThat(fx.cli("exit", "verify", "--manifest", m.toString(), fx.tree.toString()))
                .isEqualTo(1);
        assertThat(fx.out).contains("signature: NOT_CHECKED");
    }

    @Test
    void symlinkLoopsLinksOutOfTheTreeAndSpecialFilesAreRecordedAsUnreadable() throws Exception {
        Files.createSymbolicLink(fx.tree.resolve("docs/sub/loop"), fx.tree.resolve("docs"));
        Files.createSymbolicLink(fx.tree.resolve("self"), fx.tree.resolve("self"));
        Files.createSymbolicLink(fx.tree.resolve("outside"), tmp);
        Files.createSymbolicLink(fx.tree.resolve("inside.txt"), fx.tree.resolve("a.txt"));
        mkfifo(fx.tree.resolve("pipe"));
        Path m = tmp.resolve("m.jsonl");
        int rc = fx.cli(
                "exit", "manifest", "build", fx.tree.toString(), "--out", m.toString(), "--key", fx.key.toString());
        assertThat(rc).as(fx.out + fx.err).isEqualTo(1);
        assertThat(fx.err).contains("4 files could not be read");
        String text = Files.readString(m);
        assertThat(text)
                .as("the manifest records why as a stable code")
                .contains("\"path\":\"docs/sub/loop\"", "\"error\":\"symlinkLoop\"")
                .contains("\"path\":\"self\"")
                .contains("\"path\":\"outside\"", "\"error\":\"symlinkOutside\"")
                .contains("\"path\":\"pipe\"", "\"error\":\"specialFile\"")
                .containsPattern("\"path\":\"inside.txt\",\"size\":6,\"hash\":");
        assertThat(fx.verify(m)).isEqualTo(1);
        assertThat(fx.out)
                .contains("UNREADABLE     docs/sub/loop")
                .contains("4 unreadable")
                .contains("docs/sub/loop  (was unreadable when the manifest was built: symbolic link loop)")
                .contains("outside  (was unreadable when the manifest was built: symbolic link leads out of the tree)")
                .contains(
                        "pipe  (was unreadable when the manifest was built: not a regular file (FIFO, socket or device))");
        assertThat(fx.verify(m, "--lang", "zh")).isEqualTo(1);
        assertThat(fx.out)
                .contains("不可读")
                .contains("docs/sub/loop  （生成签名清单时已无法读取：符号链接循环）")
                .contains("结果：发现差异")
                .doesNotContain("symbolic link");
    }

    @Test
    void interruptedRunResumesFromCheckpointWithoutRehashing() throws IOException {
        for (int i = 0; i < 40; i++) {
            Files.writeString(fx.tree.resolve("docs/f" + i + ".txt"), "file " + i);
        }
        Path m = fx.build();
        Files.writeString(fx.tree.resolve("secret.key"), "S3cr3t");
        PublicKeyHolder k = new PublicKeyHolder(fx);
        Path cp = tmp.resolve("cp.jsonl");
        AtomicInteger polls = new AtomicInteger();
        var options =
                Verification.Options.defaults().withCheckpoint(cp).withCancelled(() -> polls.incrementAndGet() > 20);
        VerificationReport first = Verification.verify(m, k.key, fx.tree.toString(), options);
        assertThat(first.interrupted()).isTrue();
        assertThat(first.clean()).isFalse();
        long hashedFirst = first.totals().hashedThisRun();
        assertThat(hashedFirst).isBetween(1L, 44L);

        VerificationReport second = Verification.verify(
                m, k.key, fx.tree.toString(), Verification.Options.defaults().withCheckpoint(cp));
        assertThat(second.interrupted()).isFalse();
        assertThat(hashedFirst + second.totals().hashedThisRun()).isEqualTo(45);
        assertThat(second.totals().ok()).isEqualTo(44);
        assertThat(second.totals().hashMismatch()).isEqualTo(1);
        assertThat(second.findings()).extracting(Finding::path).containsExactly("secret.key");

        VerificationReport third = Verification.verify(
                m, k.key, fx.tree.toString(), Verification.Options.defaults().withCheckpoint(cp));
        assertThat(third.totals().hashedThisRun()).isZero();
        assertThat(third.totals().hashMismatch()).isEqualTo(1);
    }

    @Test
    void checkpointOfAnotherManifestIsRefused() throws IOException {
        Path m = fx.build();
        Path cp = tmp.resolve("cp.jsonl");
        Files.writeString(cp, "{\"type\":\"checkpoint\",\"manifest\":\"other\",\"target\":\"x\"}\n");
        assertThat(fx.verify(m, "--checkpoint", cp.toString())).isEqualTo(2);
        assertThat(fx.err).contains("belongs to another manifest");
    }

    @Test
    void inventoryItemsAndLabelFileGoIntoTheManifest() throws IOException {
        Path inv = tmp.resolve("inventory.jsonl");
        Files.writeString(
                inv,
                "{\"category\":\"key-custody\",\"name\":\"SM4 data key\",\"description\":\"held by the customer's KMS\",\"sensitivity\":\"敏感\",\"covers\":\"docs/**\"}\n"
                        + "{\"category\":\"conversion-tool\",\"name\":\"csv-export 1.2\",\"sensitivity\":\"公开\"}\n");
        Path labels = tmp.resolve("labels.txt");
        Files.writeString(labels, "# rules\n** 公开\n*.key 敏感 credentials of the old system\n");
        Path m = fx.build("--inventory", inv.toString(), "--labels", labels.toString());
        String text = Files.readString(m);
        assertThat(text)
                .contains("{\"type\":\"item\",\"category\":\"key-custody\",\"name\":\"SM4 data key\"")
                .contains("\"path\":\"secret.key\"", "\"description\":\"credentials of the old system\"");
        assertThat(fx.verify(m)).isZero();
        assertThatThrownBy(() -> ManifestBuilder.readInventory(write("{\"category\":\"passwords\",\"name\":\"x\"}")))
                .hasMessageContaining("unknown inventory category");
    }

    @Test
    void offlineHelpListsCommands() {
        assertThat(fx.cli("exit", "--help")).isZero();
        assertThat(fx.out).contains("manifest").contains("verify");
        assertThat(fx.cli("keys", "--help")).isZero();
        assertThat(fx.out).contains("create").contains("import").contains("show");
    }

    private Path write(String s) throws IOException {
        Path p = tmp.resolve("w" + System.nanoTime());
        Files.writeString(p, s);
        return p;
    }

    private static String header() {
        return "{\"type\":\"header\",\"format\":\"yunjian-exit-manifest\",\"version\":1,\"algorithm\":\"sm3\",\"root\":\"/x\",\"created\":\"2026-01-01T00:00:00Z\",\"tool\":\"t\",\"allVersions\":false}\n";
    }

    static void mkfifo(Path p) throws IOException, InterruptedException {
        Process pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        if (pr.waitFor() != 0) {
            throw new IOException("mkfifo failed");
        }
    }

    record PublicKeyHolder(java.security.PublicKey key) {
        PublicKeyHolder(ExitFixture fx) {
            this(fx.pair.getPublic());
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
