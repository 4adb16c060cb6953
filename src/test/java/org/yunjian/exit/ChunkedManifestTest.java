package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.crypto.Hex;
import org.yunjian.exit.internal.Chunk;
import org.yunjian.exit.internal.DirectorySource;

/** Manifest format version 2: chunk digests of large files, their signature, strict reading and chunked verification. */
@ExtendWith(InEnglish.class)
class ChunkedManifestTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path tmp;

    ExitFixture fx;
    byte[] big;

    @BeforeEach
    void setUp() throws IOException {
        fx = new ExitFixture(tmp);
        big = new byte[3 * MIB + MIB / 2];
        new Random(15).nextBytes(big);
        Files.write(fx.tree.resolve("docs/big.bin"), big);
    }

    private Path buildChunked() {
        return fx.build("--chunk-size", "1M", "--chunk-threshold", "2MiB");
    }

    @Test
    void largeFilesCarrySignedChunkDigestsThatRoundTripAndVerify() throws IOException {
        Path m = buildChunked();
        List<String> lines = Files.readAllLines(m);
        assertThat(lines.get(0))
                .contains("\"version\":2")
                .endsWith(",\"chunkSize\":1048576,\"chunkThreshold\":2097152}");
        int at = indexOf(lines, "\"path\":\"docs/big.bin\"");
        for (int i = 0; i < 4; i++) {
            String expected = sm3(big, i * MIB, Math.min(MIB, big.length - i * MIB));
            assertThat(lines.get(at + 1 + i))
                    .isEqualTo("{\"type\":\"chunk\",\"index\":" + i + ",\"hash\":\"" + expected + "\"}");
        }
        assertThat(lines.get(at + 5)).doesNotContain("\"chunk\"");
        assertThat(lines.stream().filter(l -> l.contains("\"type\":\"chunk\""))).hasSize(4); // small files have none
        assertThat(lines.get(lines.size() - 1)).contains("\"files\":6,\"chunks\":4,");

        FileEntry e = ManifestEntries.files(m).stream()
                .filter(f -> f.path().equals("docs/big.bin"))
                .findFirst()
                .orElseThrow();
        assertThat(e.hash())
                .as("the GB/T 31167 9.2 checksum stays the whole file's SM3")
                .isEqualTo(sm3(big, 0, big.length));
        List<Chunk> chunks = Chunk.of(e);
        assertThat(chunks)
                .extracting(Chunk::range)
                .containsExactly("0-1048575", "1048576-2097151", "2097152-3145727", "3145728-3670015");
        try (DirectorySource source = new DirectorySource(fx.tree)) {
            for (Chunk c : chunks) {
                assertThat(c.matches(c.hash(source, HashAlgorithm.SM3)))
                        .as(c.range())
                        .isTrue();
            }
        }
        assertThat(fx.verify(m)).as(fx.out + fx.err).isZero();
        assertThat(fx.out)
                .contains("signature: VALID")
                .contains("6 expected, 6 ok")
                .contains("RESULT: OK");
    }

    @Test
    void aChunkIsHashedFromAnySourceAndAShortReadIsUnreadable() throws IOException {
        Path m = buildChunked();
        FileEntry e = ManifestEntries.files(m).stream()
                .filter(f -> f.path().equals("docs/big.bin"))
                .findFirst()
                .orElseThrow();
        // a source that can only stream from the start (the default ranged open skips)
        byte[][] content = {big};
        org.yunjian.exit.internal.Source plain = new org.yunjian.exit.internal.Source() {
            @Override
            public List<Item> nextGroup() {
                return null;
            }

            @Override
            public java.io.InputStream open(Item item) {
                return new java.io.ByteArrayInputStream(content[0]);
            }
        };
        List<Chunk> chunks = Chunk.of(e);
        for (Chunk c : chunks) {
            assertThat(Chunk.Result.of(c, plain, HashAlgorithm.SM3).finding("docs/big.bin"))
                    .as(c.range())
                    .isNull();
        }
        content[0] = Arrays.copyOf(big, 3 * MIB + 10);
        assertThat(Chunk.Result.of(chunks.get(3), plain, HashAlgorithm.SM3).finding("docs/big.bin"))
                .isEqualTo(new Finding(
                        Finding.Kind.UNREADABLE, "docs/big.bin", null, null, "unreadable: changedWhileRead"));
        content[0] = damaged(5);
        assertThat(Chunk.Result.of(chunks.get(0), plain, HashAlgorithm.SM3)
                        .finding("docs/big.bin")
                        .detail())
                .isEqualTo("chunkDiffers: 0-1048575");
    }

    @Test
    void versionOneManifestsAreStillWrittenOnRequestAndVerify() throws IOException {
        Path m = fx.build("--no-chunks");
        String text = Files.readString(m);
        assertThat(text)
                .startsWith("{\"type\":\"header\",\"format\":\"yunjian-exit-manifest\",\"version\":1,")
                .doesNotContain("chunk");
        assertThat(fx.verify(m)).as(fx.out + fx.err).isZero();
        assertThat(fx.out).contains("6 expected, 6 ok");
        Files.write(fx.tree.resolve("docs/big.bin"), damaged(2 * MIB + 5));
        assertThat(fx.verify(m)).isEqualTo(1);
        assertThat(fx.out).contains("HASH_MISMATCH  docs/big.bin").contains("sm3 differs");
    }

    @Test
    void aTamperedChunkLineInvalidatesTheSignature() throws IOException {
        Path m = buildChunked();
        List<String> lines = Files.readAllLines(m);
        int at = indexOf(lines, "\"path\":\"docs/big.bin\"") + 2;
        String l = lines.get(at);
        char c = l.charAt(l.length() - 3);
        lines.set(at, l.substring(0, l.length() - 3) + (c == '0' ? '1' : '0') + l.substring(l.length() - 2));
        Path t = tmp.resolve("tampered.jsonl");
        Files.write(t, lines);
        assertThat(fx.verify(t)).isEqualTo(1);
        assertThat(fx.out)
                .contains("signature: INVALID")
                .contains("modified after signing")
                .doesNotContain("RESULT: OK");
    }

    @Test
    void aDamagedChunkIsReportedWithItsByteRange() throws IOException {
        Path m = buildChunked();
        Files.write(fx.tree.resolve("docs/big.bin"), damaged(2 * MIB + 5));
        assertThat(fx.verify(m, "--threads", "2")).isEqualTo(1);
        assertThat(fx.out)
                .contains("HASH_MISMATCH  docs/big.bin")
                .contains("chunk differs, bytes 2097152-3145727")
                .contains("5 ok")
                .contains("1 hash mismatch");
        assertThat(fx.verify(m, "--json")).isEqualTo(1);
        assertThat(fx.out).contains("\"detail\":\"chunkDiffers: 2097152-3145727\"");
        SignedVerificationReport.Read read = SignedVerificationReport.read(fx.out.getBytes(StandardCharsets.UTF_8));
        assertThat(read.report().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.HASH_MISMATCH);
            assertThat(f.text().text(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("分块摘要不符，字节范围 2097152-3145727");
        });
        String forged = fx.out.replace("chunkDiffers: 2097152-3145727", "chunkDiffers: 3145727-2097152");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SignedVerificationReport.read(forged.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SignedVerificationReport.Invalid.class)
                .hasMessageContaining("chunkDiffers: 3145727-2097152");
    }

    @Test
    void anInterruptedChunkedRunResumesFromItsCheckpoint() throws IOException {
        Files.write(fx.tree.resolve("docs/big2.bin"), damaged(MIB / 2));
        Path m = buildChunked();
        Files.write(fx.tree.resolve("docs/big2.bin"), big);
        Path cp = tmp.resolve("cp.jsonl");
        AtomicInteger polls = new AtomicInteger();
        VerificationReport first = Verification.verify(
                m,
                fx.pair.getPublic(),
                fx.tree.toString(),
                Verification.Options.defaults().withCheckpoint(cp).withCancelled(() -> polls.incrementAndGet() > 6));
        assertThat(first.interrupted()).isTrue();
        VerificationReport second = Verification.verify(
                m,
                fx.pair.getPublic(),
                fx.tree.toString(),
                Verification.Options.defaults().withCheckpoint(cp));
        assertThat(second.interrupted()).isFalse();
        assertThat(second.totals().ok()).isEqualTo(6);
        assertThat(second.totals().hashMismatch()).isEqualTo(1);
        assertThat(second.findings()).singleElement().satisfies(f -> assertThat(f.detail())
                .isEqualTo("chunkDiffers: 0-1048575"));
        assertThat(first.totals().hashedThisRun() + second.totals().hashedThisRun())
                .isBetween(7L, 8L);
    }

    @Test
    void chunkLinesAreReadStrictlyWithTheLineNumber() throws IOException {
        Path m = buildChunked();
        List<String> lines = Files.readAllLines(m);
        int at = indexOf(lines, "\"path\":\"docs/big.bin\"");
        assertRefused(
                m,
                without(lines, at + 4),
                "line " + (at + 5) + ": chunk line 3 of 'docs/big.bin' is missing (4 expected)");
        List<String> swapped = new java.util.ArrayList<>(lines);
        swapped.set(at + 1, lines.get(at + 2));
        swapped.set(at + 2, lines.get(at + 1));
        assertRefused(m, swapped, "line " + (at + 2) + ": chunk number 1 where 0 was expected");
        List<String> upper = new java.util.ArrayList<>(lines);
        upper.set(
                at + 1,
                lines.get(at + 1)
                        .toUpperCase()
                        .replace("\"TYPE\":\"CHUNK\",\"INDEX\"", "\"type\":\"chunk\",\"index\"")
                        .replace("\"HASH\"", "\"hash\""));
        assertRefused(m, upper, "line " + (at + 2) + ": the chunk digest is not 64 lower-case hex digits");
        List<String> stray = new java.util.ArrayList<>(lines);
        stray.add(2, lines.get(at + 1));
        assertRefused(m, stray, "line 3: a chunk line that follows no file entry needing chunk digests");
        List<String> extra = new java.util.ArrayList<>(lines);
        extra.set(at + 1, lines.get(at + 1).replace("}", ",\"size\":1}"));
        assertRefused(
                m, extra, "line " + (at + 2) + ": a chunk line has exactly 'type', 'index' (an integer) and 'hash'");
        List<String> zero = new java.util.ArrayList<>(lines);
        zero.set(0, lines.get(0).replace("\"chunkSize\":1048576", "\"chunkSize\":0"));
        assertRefused(m, zero, "line 1: invalid chunk size 0: it must be greater than zero");
    }

    @Test
    void chunkSizeZeroNegativeOrAbsurdEndsInOneLineError() throws IOException {
        String[][] cases = {
            {"--chunk-size", "0"},
            {"--chunk-size=-1"},
            {"--chunk-size", "1T"},
            {"--chunk-size", "lots"},
            {"--chunk-size", "64M", "--chunk-threshold", "1M"}
        };
        String[] said = {
            "invalid chunk size 0: it must be greater than zero",
            "invalid chunk size -1: it must be greater than zero",
            "chunk size of 1099511627776 bytes out of range: it must be between 1048576 and 17179869184 bytes",
            "unrecognised byte count 'lots' (examples: 67108864, 64M, 64MiB, 1G)",
            "chunk threshold of 1048576 bytes is below the chunk size of 67108864 bytes"
        };
        for (int i = 0; i < cases.length; i++) {
            String[] base = {
                "exit",
                "manifest",
                "build",
                fx.tree.toString(),
                "--out",
                tmp.resolve("x.jsonl").toString(),
                "--key",
                fx.key.toString()
            };
            String[] all = Arrays.copyOf(base, base.length + cases[i].length);
            System.arraycopy(cases[i], 0, all, base.length, cases[i].length);
            assertThat(fx.cli(all)).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(fx.err.strip()).isEqualTo("yunjian exit manifest build: error: " + said[i]);
            assertThat(tmp.resolve("x.jsonl")).doesNotExist();
        }
        assertThat(fx.cli(
                        "exit",
                        "manifest",
                        "build",
                        fx.tree.toString(),
                        "--out",
                        tmp.resolve("x.jsonl").toString(),
                        "--key",
                        fx.key.toString(),
                        "--chunk-size",
                        "1G"))
                .as("the threshold follows a larger chunk size")
                .isZero();
        assertThat(Files.readAllLines(tmp.resolve("x.jsonl")).get(0))
                .endsWith("\"chunkSize\":1073741824,\"chunkThreshold\":1073741824}");
        assertThat(fx.cli(
                        "exit",
                        "manifest",
                        "build",
                        fx.tree.toString(),
                        "--out",
                        tmp.resolve("y.jsonl").toString(),
                        "--key",
                        fx.key.toString(),
                        "--chunk-size",
                        "0",
                        "--lang",
                        "zh"))
                .isEqualTo(2);
        assertThat(fx.err.strip()).endsWith("分块大小 0 无效：必须大于零").doesNotContain("\n");
    }

    private void assertRefused(Path m, List<String> lines, String problem) throws IOException {
        Files.write(m, lines);
        assertThat(fx.verify(m)).as(fx.out).isEqualTo(2);
        assertThat(fx.err.strip())
                .as(problem)
                .startsWith("yunjian exit verify: error: manifest ")
                .contains(problem)
                .doesNotContain("\n");
    }

    private static List<String> without(List<String> lines, int index) {
        List<String> l = new java.util.ArrayList<>(lines);
        l.remove(index);
        return l;
    }

    private static String sm3(byte[] b, int off, int len) {
        HashAlgorithm.Hasher h = HashAlgorithm.SM3.newHasher();
        h.update(b, off, len);
        return Hex.encode(h.finish());
    }

    private byte[] damaged(int at) {
        byte[] b = big.clone();
        b[at] ^= 0x5a;
        return b;
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError(part);
    }
}
