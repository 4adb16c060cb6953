package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yunjian.exit.cli.ExitCli;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Buckets read with concurrent (ranged) GETs on S3Proxy: the findings are those of one GET at a time, transient
 * failures injected by {@link FlakyStore} are retried and resumed, a store checksum that disagrees with the bytes
 * is a finding, and a store that cannot be used is a one-line error.
 */
@ExtendWith(InEnglish.class)
class S3ConcurrentReadTest {

    private static final int PART = 64 << 10;

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials("access", "secret")
            .build();

    @TempDir
    Path tmp;

    S3Client s3;
    final KeyPair pair = Keys.generate();
    final Random random = new Random(15);

    @BeforeEach
    void setUp() {
        FlakyStore.reset();
        s3 = S3Client.builder()
                .endpointOverride(S3_PROXY.getUri())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
                .build();
    }

    @AfterEach
    void tearDown() {
        FlakyStore.reset();
        s3.close();
    }

    private S3Settings settings(int concurrency, long partSize, long memory, int retries) {
        return new S3Settings(
                S3_PROXY.getUri().toString(), "us-east-1", "access", "secret", concurrency, partSize, memory, retries);
    }

    /** Eight GETs at once, 64 KiB parts, at most four parts read ahead. */
    private S3Settings concurrent() {
        return settings(8, PART, 4 * PART, 3);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private void put(String bucket, String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    /** 30 small objects, an empty one, and three spanning 5 to 17 parts (one not a whole number of parts). */
    private void mixedBucket(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        for (int i = 0; i < 30; i++) {
            put(bucket, "small/" + i + ".bin", bytes(1 + random.nextInt(20_000)));
        }
        put(bucket, "empty.txt", new byte[0]);
        put(bucket, "large/a.img", bytes(5 * PART));
        put(bucket, "large/b.img", bytes(17 * PART));
        put(bucket, "large/c.img", bytes(9 * PART + 123));
    }

    private Path build(String target, S3Settings s) {
        Path m = tmp.resolve("m-" + System.nanoTime() + ".jsonl");
        ManifestBuilder.build(
                target,
                m,
                pair.getPrivate(),
                new ManifestBuilder.Options(
                        HashAlgorithm.SM3, new Labels(Sensitivity.SENSITIVE), List.of(), false, false, 0, s));
        return m;
    }

    private VerificationReport verify(Path m, String target, S3Settings s) {
        return Verification.verify(
                m, pair.getPublic(), target, Verification.Options.defaults().withS3(s));
    }

    private static List<String> findings(VerificationReport r) {
        return r.findings().stream().map(f -> f.kind() + " " + f.path()).toList();
    }

    @Test
    void concurrentRangedReadsFindWhatOneGetAtATimeFinds() {
        mixedBucket("mixed");
        Path concurrentManifest = build("s3://mixed", concurrent());
        Path serialManifest = build("s3://mixed", settings(1, 64L << 20, 64L << 20, 0));
        assertThat(ManifestEntries.files(concurrentManifest))
                .extracting(f -> f.path() + " " + f.size() + " " + f.hash())
                .containsExactlyElementsOf(ManifestEntries.files(serialManifest).stream()
                        .map(f -> f.path() + " " + f.size() + " " + f.hash())
                        .toList());
        VerificationReport clean = verify(concurrentManifest, "s3://mixed", concurrent());
        assertThat(clean.clean()).as(clean.findings().toString()).isTrue();
        assertThat(clean.totals().ok()).isEqualTo(34);

        byte[] b =
                s3.getObjectAsBytes(r -> r.bucket("mixed").key("large/b.img")).asByteArray();
        b[11 * PART + 7] ^= 1; // same size, one bit flipped in a middle part
        put("mixed", "large/b.img", b);
        s3.deleteObject(r -> r.bucket("mixed").key("small/3.bin"));
        put("mixed", "small/7.bin", bytes(20_001));
        put("mixed", "small/new.bin", bytes(10));
        List<String> expected = List.of(
                "HASH_MISMATCH large/b.img", "MISSING small/3.bin", "SIZE_MISMATCH small/7.bin", "EXTRA small/new.bin");
        assertThat(findings(verify(concurrentManifest, "s3://mixed", concurrent())))
                .containsExactlyElementsOf(expected);
        assertThat(findings(verify(concurrentManifest, "s3://mixed", settings(1, 64L << 20, 64L << 20, 0))))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void anInterruptedConcurrentRunResumesFromItsCheckpointWithoutRereadingWhatWasDone() {
        mixedBucket("resumed");
        Path m = build("s3://resumed", concurrent());
        put("resumed", "small/9.bin", bytes(20_002)); // a difference after the cut, found by the resumed run
        Path cp = tmp.resolve("cp.jsonl");
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        VerificationReport first = Verification.verify(
                m,
                pair.getPublic(),
                "s3://resumed",
                Verification.Options.defaults()
                        .withS3(concurrent())
                        .withCheckpoint(cp)
                        .withCancelled(() -> polls.incrementAndGet() > 12));
        assertThat(first.interrupted()).isTrue();
        VerificationReport rest = Verification.verify(
                m,
                pair.getPublic(),
                "s3://resumed",
                Verification.Options.defaults().withS3(concurrent()).withCheckpoint(cp));
        assertThat(rest.interrupted()).isFalse();
        assertThat(findings(rest)).containsExactly("SIZE_MISMATCH small/9.bin");
        assertThat(rest.totals().ok()).isEqualTo(33);
        assertThat(rest.totals().hashedThisRun()).isLessThan(34).isGreaterThan(0);
    }

    @Test
    void brokenAndRefusedReadsAreRetriedAndResumeAtTheByteWhereTheyBroke() {
        mixedBucket("flaky-retry");
        Path m = build("s3://flaky-retry", concurrent());
        FlakyStore.RANGES.clear();
        FlakyStore.BREAK_BODIES.set(6);
        FlakyStore.REFUSE.set(3);
        VerificationReport r = verify(m, "s3://flaky-retry", concurrent());
        assertThat(r.clean()).as(r.findings().toString()).isTrue();
        assertThat(r.totals().ok()).isEqualTo(34);
        assertThat(FlakyStore.BREAK_BODIES.get()).isZero();
        assertThat(FlakyStore.REFUSE.get()).isZero();
        // a broken body is asked for again from byte 1000 of where it started, not from its beginning
        assertThat(FlakyStore.RANGES).anySatisfy(range -> assertThat(range)
                .isNotNull()
                .matches(x -> Long.parseLong(x.substring("bytes=".length(), x.indexOf('-'))) % PART == 1000));
    }

    @Test
    void aReadThatKeepsFailingIsUnreadableNeverGreen() {
        mixedBucket("flaky-broken");
        Path m = build("s3://flaky-broken", concurrent());
        FlakyStore.breakAfter = 0;
        FlakyStore.BREAK_BODIES.set(Integer.MAX_VALUE);
        VerificationReport r = verify(m, "s3://flaky-broken", settings(4, PART, 4 * PART, 1));
        assertThat(r.clean()).isFalse();
        assertThat(r.totals().ok()).isEqualTo(1); // the empty object: no body to break
        assertThat(r.totals().unreadable()).isEqualTo(33);
    }

    @Test
    void bytesThatDisagreeWithTheStoresOwnChecksumAreAFinding() {
        s3.createBucket(b -> b.bucket("flaky-sums"));
        put("flaky-sums", "check.txt", "123456789".getBytes());
        put("flaky-sums", "small.bin", bytes(3000));
        put("flaky-sums", "large.bin", bytes(3 * PART));
        put("flaky-sums", "plain.bin", bytes(100));
        Path m = build("s3://flaky-sums", concurrent());
        // CRC-64/ECMA-182 as OSS and COS define it: check value of "123456789"
        FlakyStore.HEADERS.put(
                "check.txt",
                Map.of(
                        "x-oss-hash-crc64ecma",
                        "11051210869376104954",
                        "x-amz-checksum-crc32",
                        "y/Q5Jg==",
                        "x-amz-checksum-crc32c",
                        "4waSgw==",
                        "x-amz-checksum-crc64nvme",
                        "rosUhgp5mIg="));
        FlakyStore.HEADERS.put("small.bin", Map.of("x-oss-hash-crc64ecma", "12345"));
        FlakyStore.HEADERS.put("large.bin", Map.of("x-cos-hash-crc64ecma", "12345"));
        VerificationReport r = verify(m, "s3://flaky-sums", concurrent());
        assertThat(findings(r)).containsExactly("UNREADABLE large.bin", "UNREADABLE small.bin");
        assertThat(r.findings().get(0).text().text())
                .contains("store's own checksum")
                .contains("x-cos-hash-crc64ecma 12345");
        assertThat(r.totals().ok()).isEqualTo(2);

        Path rebuilt = tmp.resolve("rebuilt.jsonl");
        ManifestBuilder.Result built = ManifestBuilder.build(
                "s3://flaky-sums",
                rebuilt,
                pair.getPrivate(),
                new ManifestBuilder.Options(
                        HashAlgorithm.SHA256,
                        new Labels(Sensitivity.SENSITIVE),
                        List.of(),
                        false,
                        false,
                        0,
                        concurrent()));
        assertThat(built.unreadable()).isEqualTo(2);
    }

    @Test
    void aStoreThatCannotBeUsedEndsInOneLineAndExitTwo() {
        s3.createBucket(b -> b.bucket("errors"));
        put("errors", "a.txt", "a".getBytes());
        Path m = build("s3://errors", concurrent());
        assertThatThrownBy(() -> verify(
                        m, "s3://errors", new S3Settings(S3_PROXY.getUri().toString(), "us-east-1", "access", "wrong")))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("access to bucket 'errors' denied");
        assertThatThrownBy(() -> verify(
                        m,
                        "s3://errors",
                        new S3Settings("http://127.0.0.1:9", "us-east-1", "access", "secret")
                                .withTransfer(4, PART, PART, 0)))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("cannot reach S3 endpoint");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ExitCli.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "exit",
                "verify",
                "s3://errors",
                "--manifest",
                m.toString(),
                "--endpoint",
                S3_PROXY.getUri().toString());
        assertThat(status).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
            assertThat(err.toString().strip())
                    .doesNotContain("\n")
                    .isEqualTo(
                            "yunjian exit verify: error: no credentials for bucket 'errors': set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an AWS profile)");
        }

        StringWriter err2 = new StringWriter();
        status = ExitCli.run(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err2, true),
                "exit",
                "verify",
                "s3://errors",
                "--manifest",
                m.toString(),
                "--endpoint",
                S3_PROXY.getUri().toString(),
                "--s3-concurrency",
                "0");
        assertThat(status).isEqualTo(2);
        assertThat(err2.toString()).contains("S3 concurrency must be between 1 and 1024, not 0");
    }
}
