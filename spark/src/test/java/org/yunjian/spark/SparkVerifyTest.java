package org.yunjian.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.Finding;
import org.yunjian.exit.HashAlgorithm;
import org.yunjian.exit.Keys;
import org.yunjian.exit.Labels;
import org.yunjian.exit.ManifestBuilder;
import org.yunjian.exit.ManifestReader;
import org.yunjian.exit.S3Settings;
import org.yunjian.exit.Sensitivity;
import org.yunjian.exit.SignedVerificationReport;
import org.yunjian.exit.Verification;
import org.yunjian.exit.VerificationReport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Spark job in {@code local[2]} (one context for the class) against the trees of the CLI's tests: its report —
 * the JSON file and the text — is byte for byte the one {@code yunjian exit verify} writes for the same tree, which
 * is {@link SignedVerificationReport#of} over {@link Verification#verify} (what {@code ExitCli} prints).
 */
class SparkVerifyTest {

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials("access", "secret")
            .build();

    static JavaSparkContext jsc;

    @TempDir
    Path dir;

    Path tree;
    Path pub;
    final KeyPair pair = Keys.generate();
    String out;
    String err;

    @BeforeAll
    static void startSpark() {
        jsc = new JavaSparkContext(new SparkConf()
                .setMaster("local[2]")
                .setAppName("yunjian-verify-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1"));
        jsc.setLogLevel("WARN");
    }

    @AfterAll
    static void stopSpark() {
        jsc.stop();
    }

    @BeforeEach
    void tree() throws IOException {
        tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.txt"), "hello\n");
        Files.createDirectories(tree.resolve("docs/sub"));
        Files.writeString(tree.resolve("docs/readme.md"), "# readme\n");
        Files.writeString(tree.resolve("docs/sub/data.csv"), "id,name\n1,甲\n");
        Files.write(
                tree.resolve("a-b.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        Files.writeString(tree.resolve("secret.key"), "s3cr3t");
        Files.writeString(tree.resolve("zz.log"), "last\n");
        pub = dir.resolve("k.pub.pem");
        Files.writeString(pub, org.yunjian.crypto.Pem.writePublicKey(pair.getPublic()));
        ExitTexts.use(Locale.ENGLISH);
    }

    private Path build(String target, HashAlgorithm alg, S3Settings s3) {
        Path m = dir.resolve("m-" + alg.id() + ".jsonl");
        ManifestBuilder.build(
                target,
                m,
                pair.getPrivate(),
                new ManifestBuilder.Options(alg, new Labels(Sensitivity.SENSITIVE), List.of(), false, false, 2, s3));
        return m;
    }

    /** A manifest with the digests of 1 MiB chunks for files of 2 MiB and more. */
    private Path buildChunked(String target) {
        return buildChunked(target, S3Settings.defaults());
    }

    private Path buildChunked(String target, S3Settings s3) {
        Path m = dir.resolve("m-chunked.jsonl");
        ManifestBuilder.build(
                target,
                m,
                pair.getPrivate(),
                new ManifestBuilder.Options(
                        HashAlgorithm.SM3,
                        new Labels(Sensitivity.SENSITIVE),
                        List.of(),
                        false,
                        false,
                        2,
                        s3,
                        MIB,
                        2 * MIB));
        return m;
    }

    private static final int MIB = 1 << 20;

    private int spark(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--lang=en";
        int rc = SparkVerify.run(jsc, new PrintWriter(o, true), new PrintWriter(e, true), all);
        out = o.toString();
        err = e.toString();
        return rc;
    }

    /** What {@code yunjian exit verify [--json]} prints for the same run. */
    private static String cli(Path manifest, Path pub, String target, boolean json, S3Settings s3) {
        VerificationReport r = Verification.verify(
                manifest,
                Keys.readPublicKey(pub),
                target,
                Verification.Options.defaults().withS3(s3));
        try {
            if (json) {
                return new String(
                        SignedVerificationReport.of(r, ManifestReader.fileDigests(manifest))
                                .write(),
                        StandardCharsets.UTF_8);
            }
            StringWriter text = new StringWriter();
            r.printText(new PrintWriter(text));
            return text.toString();
        } finally {
            r.discardTemporaryFindings();
        }
    }

    private SignedVerificationReport sameAsCli(Path m, String target, int expectedStatus, String... extra) {
        return sameAsCli(m, target, expectedStatus, S3Settings.defaults(), extra);
    }

    private SignedVerificationReport sameAsCli(
            Path m, String target, int expectedStatus, S3Settings s3, String... extra) {
        List<String> args = new ArrayList<>(List.of(target, "--manifest", m.toString(), "--pubkey", pub.toString()));
        args.addAll(List.of(extra));
        args.add("--json");
        assertEquals(expectedStatus, spark(args.toArray(String[]::new)), err);
        assertEquals("", err);
        String json = out;
        assertEquals(cli(m, pub, target, true, s3), json, "the JSON report is the CLI's");
        args.remove("--json");
        assertEquals(expectedStatus, spark(args.toArray(String[]::new)), err);
        assertEquals(cli(m, pub, target, false, s3), out, "the text report is the CLI's");
        return SignedVerificationReport.read(json.getBytes(StandardCharsets.UTF_8))
                .report();
    }

    @Test
    void unchangedTreeVerifiesCleanWithTheCliReport() {
        Path m = build(tree.toString(), HashAlgorithm.SHA256, S3Settings.defaults());
        SignedVerificationReport r = sameAsCli(m, tree.toString(), 0);
        assertTrue(r.clean());
        assertEquals(6, r.totals().ok());
    }

    @Test
    void everyKindOfDifferenceIsFoundAsTheCliFindsIt() throws IOException {
        Files.createSymbolicLink(tree.resolve("docs/gone-link"), dir.resolve("nowhere"));
        Path m = build(tree.toString(), HashAlgorithm.SM3, S3Settings.defaults());
        Files.delete(tree.resolve("a.txt")); // missing
        Files.writeString(tree.resolve("new.txt"), "extra"); // extra
        Files.writeString(tree.resolve("docs/readme.md"), "# readme, longer\n"); // size mismatch
        Files.writeString(tree.resolve("secret.key"), "s3cr3T"); // hash mismatch
        Files.delete(tree.resolve("zz.log")); // unreadable now: leads out of the tree
        Files.createSymbolicLink(tree.resolve("zz.log"), Files.writeString(dir.resolve("outside.log"), "last\n"));

        SignedVerificationReport r = sameAsCli(m, tree.toString(), 1);
        List<Finding.Kind> kinds = r.findings().stream().map(Finding::kind).toList();
        for (Finding.Kind k : Finding.Kind.values()) {
            assertTrue(kinds.contains(k), k + " in " + r.findings());
        }
        assertTrue(
                r.findings().stream()
                        .anyMatch(f -> f.path().equals("docs/gone-link")
                                && f.detail().startsWith(Finding.UNREADABLE_WHEN_BUILT)),
                r.findings().toString());
        assertTrue(
                r.findings().stream()
                        .anyMatch(f -> f.path().equals("zz.log") && f.detail().startsWith(Finding.UNREADABLE + ":")),
                r.findings().toString());
        assertEquals(2, r.totals().ok()); // a-b.bin, docs/sub/data.csv
    }

    @Test
    void damagedChunkOfALargeFileIsNamedByItsByteRangeAsTheCliNamesIt() throws IOException {
        byte[] big = new byte[3 * MIB + MIB / 2];
        new java.util.Random(15).nextBytes(big);
        Files.write(tree.resolve("docs/big.bin"), big);
        Files.write(tree.resolve("docs/big2.bin"), Arrays.copyOf(big, 2 * MIB));
        Path m = buildChunked(tree.toString());
        assertTrue(Files.readString(m).contains("\"type\":\"chunk\""));
        // 1 MiB tasks: the chunks of one file are hashed by different tasks
        SignedVerificationReport clean = sameAsCli(m, tree.toString(), 0, "--partition-mib", "1");
        assertEquals(8, clean.totals().ok());

        big[2 * MIB + 5] ^= 1;
        Files.write(tree.resolve("docs/big.bin"), big);
        Files.delete(tree.resolve("a.txt"));
        SignedVerificationReport r = sameAsCli(m, tree.toString(), 1, "--partition-mib", "1");
        assertEquals(
                List.of("a.txt MISSING noSuchFile", "docs/big.bin HASH_MISMATCH chunkDiffers: 2097152-3145727"),
                r.findings().stream()
                        .map(f -> f.path() + " " + f.kind() + " " + f.detail())
                        .toList());
    }

    /**
     * The application's jar: the real {@code yunjian exit verify} writes the same report file, and the jar holds no
     * Spark. {@code ./mvnw verify} builds this module beside the application's build (tools/beside) and names the file
     * that build writes once the jar is packaged ({@code yunjian.appJarReady}): this test runs Spark first and then
     * waits for it, so only the jar's own run is left for after the packaging. Standalone builds of this module
     * without the jar skip this; with {@code CI=true} it must be there.
     */
    @Test
    void realCliJarWritesTheSameReportAndCarriesNoSpark() throws Exception {
        Path jar = Path.of("..", "target", "yunjian.jar").toAbsolutePath().normalize();
        String ready = System.getProperty("yunjian.appJarReady");
        if (ready == null && !"true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jar), "no " + jar);
        }
        Path m = build(tree.toString(), HashAlgorithm.SM3, S3Settings.defaults());
        Files.delete(tree.resolve("a.txt"));
        Files.writeString(tree.resolve("secret.key"), "s3cr3T");
        assertEquals(1, spark(tree.toString(), "--manifest", m.toString(), "--pubkey", pub.toString(), "--json"), err);
        String sparkJson = out;

        if (ready != null) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(60);
            while (!Files.exists(Path.of(ready)) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            assertTrue(Files.exists(Path.of(ready)), "the application's build did not package its jar: no " + ready);
        }
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
            assertTrue(
                    z.stream()
                            .noneMatch(e -> e.getName().contains("org/apache/spark/")
                                    || e.getName().matches(".*/spark-[a-z-]+_2\\.1[23].*\\.jar")
                                    || e.getName().contains("org/yunjian/spark/")),
                    "no Spark in " + jar);
        }
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "exit",
                        "verify",
                        "--manifest",
                        m.toString(),
                        "--pubkey",
                        pub.toString(),
                        "--json",
                        "--lang=en",
                        tree.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String cliJson = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor());
        assertEquals(cliJson, sparkJson);
    }

    @Test
    void tamperedSignatureIsInvalidInBothAndNeverClean() throws IOException {
        Path m = build(tree.toString(), HashAlgorithm.SHA256, S3Settings.defaults());
        String text = Files.readString(m);
        String b64 = text.replaceAll("(?s).*\"signature\":\"([^\"]+)\".*", "$1");
        char c = b64.charAt(20);
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, text.replace(b64, b64.substring(0, 20) + (c == 'A' ? 'B' : 'A') + b64.substring(21)));
        SignedVerificationReport r = sameAsCli(bad, tree.toString(), 1);
        assertEquals("INVALID", r.manifestSignature().name());
        assertTrue(!r.clean() && r.findings().isEmpty());
    }

    @Test
    void manyTasksAndWavesMergeBackInManifestOrder() throws IOException {
        byte[] block = new byte[300 * 1024];
        Files.createDirectories(tree.resolve("bulk"));
        for (int i = 0; i < 48; i++) {
            Arrays.fill(block, (byte) i);
            Files.write(tree.resolve(String.format("bulk/f%02d.bin", i)), block);
        }
        Path m = build(tree.toString(), HashAlgorithm.SHA256, S3Settings.defaults());
        for (int i = 3; i < 48; i += 7) {
            Files.write(tree.resolve(String.format("bulk/f%02d.bin", i)), new byte[] {1, 2, 3});
        }
        Files.delete(tree.resolve("bulk/f10.bin"));
        // 1 MiB tasks: about 14 tasks, more than the 8 of one wave in local[2]
        int jobs = jsc.statusTracker().getJobIdsForGroup(null).length;
        SignedVerificationReport r = sameAsCli(m, tree.toString(), 1, "--partition-mib", "1");
        assertEquals(7, r.findings().size(), r.findings().toString());
        assertTrue(jsc.statusTracker().getJobIdsForGroup(null).length - jobs >= 4, "two waves a run, two runs");
    }

    @Test
    void bucketOnS3ProxyVerifiesAsTheCliVerifiesIt() {
        S3Settings withKey = new S3Settings(S3_PROXY.getUri().toString(), "us-east-1", "access", "secret");
        System.setProperty("aws.accessKeyId", "access");
        System.setProperty("aws.secretAccessKey", "secret");
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(S3_PROXY.getUri())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
                .build()) {
            s3.createBucket(b -> b.bucket("handover"));
            for (String k : List.of("data/a.txt", "data/a-b.txt", "data/docs/r.md", "data/docs/sub/x.csv", "other/x")) {
                s3.putObject(b -> b.bucket("handover").key(k), RequestBody.fromString("content of " + k));
            }
            byte[] big = new byte[2 * MIB + MIB / 2];
            new java.util.Random(7).nextBytes(big);
            s3.putObject(b -> b.bucket("handover").key("data/big.bin"), RequestBody.fromBytes(big));
            Path m = buildChunked("s3://handover/data", withKey); // big.bin: three chunks, read with ranged GETs
            SignedVerificationReport clean = sameAsCli(
                    m,
                    "s3://handover/data",
                    0,
                    withKey,
                    "--endpoint",
                    S3_PROXY.getUri().toString(),
                    "--region",
                    "us-east-1",
                    "--partition-mib",
                    "1");
            assertEquals(5, clean.totals().ok());

            big[MIB + 1] ^= 1;
            s3.putObject(b -> b.bucket("handover").key("data/big.bin"), RequestBody.fromBytes(big));
            SignedVerificationReport chunk = sameAsCli(
                    m,
                    "s3://handover/data",
                    1,
                    withKey,
                    "--endpoint",
                    S3_PROXY.getUri().toString(),
                    "--region",
                    "us-east-1",
                    "--partition-mib",
                    "1");
            assertEquals(
                    List.of("big.bin chunkDiffers: 1048576-2097151"),
                    chunk.findings().stream()
                            .map(f -> f.path() + " " + f.detail())
                            .toList());
            big[MIB + 1] ^= 1;
            s3.putObject(b -> b.bucket("handover").key("data/big.bin"), RequestBody.fromBytes(big));

            s3.deleteObject(b -> b.bucket("handover").key("data/a.txt"));
            s3.putObject(b -> b.bucket("handover").key("data/new.txt"), RequestBody.fromString("extra"));
            s3.putObject(
                    b -> b.bucket("handover").key("data/docs/r.md"),
                    RequestBody.fromString("content of data/docs/R.md"));
            SignedVerificationReport r = sameAsCli(
                    m,
                    "s3://handover/data",
                    1,
                    withKey,
                    "--endpoint",
                    S3_PROXY.getUri().toString(),
                    "--region",
                    "us-east-1");
            assertEquals(
                    List.of(Finding.Kind.MISSING, Finding.Kind.HASH_MISMATCH, Finding.Kind.EXTRA),
                    r.findings().stream().map(Finding::kind).toList());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void unreachableMasterEndsInOneLineNamingItAndStatusTwo() {
        Path m = build(tree.toString(), HashAlgorithm.SHA256, S3Settings.defaults());
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int rc = SparkVerify.run(
                new PrintWriter(o, true),
                new PrintWriter(e, true),
                tree.toString(),
                "--manifest",
                m.toString(),
                "--pubkey",
                pub.toString(),
                "--master",
                "spark://127.0.0.1:1",
                "--lang=en");
        assertEquals(2, rc);
        assertEquals("", o.toString());
        String line = e.toString().strip();
        assertTrue(
                line.startsWith("yunjian-spark verify: error: cannot reach the Spark master spark://127.0.0.1:1"),
                line);
        assertEquals(1, line.lines().count(), line);
    }

    @Test
    void badInputEndsInOneLineAndStatusTwo() {
        assertEquals(
                2,
                spark(tree.toString(), "--manifest", dir.resolve("none.jsonl").toString()));
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("yunjian-spark verify: error: "), err);
        assertEquals(2, spark(tree.toString(), "--manifest", "m", "--partition-mib", "0"));
        assertTrue(err.contains("--partition-mib"), err);
        assertEquals(2, spark("--manifest", "m"));
        assertTrue(err.contains("s3://bucket/prefix"), err);
    }
}
