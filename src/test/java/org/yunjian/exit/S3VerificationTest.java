package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** Manifests of buckets on S3Proxy (its transient store supports versions), in the test JVM. */
@org.junit.jupiter.api.extension.ExtendWith(org.yunjian.exit.InEnglish.class)
class S3VerificationTest {

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials("access", "secret")
            .build();

    @TempDir
    Path tmp;

    S3Client s3;
    S3Settings settings;
    final KeyPair pair = Keys.generate();

    @BeforeEach
    void setUp() {
        settings = new S3Settings(S3_PROXY.getUri().toString(), "us-east-1", "access", "secret");
        s3 = S3Client.builder()
                .endpointOverride(S3_PROXY.getUri())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
                .build();
        s3.createBucket(b -> b.bucket("handover"));
        put("data/a.txt", "hello");
        put("data/a-b.txt", "dash");
        put("data/docs/r.md", "# r");
        put("data/docs/sub/x.csv", "1,2");
        put("elsewhere/ignored.txt", "not under the prefix");
    }

    @AfterEach
    void tearDown() {
        s3.close();
    }

    private void put(String key, String content) {
        s3.putObject(b -> b.bucket("handover").key(key), RequestBody.fromString(content));
    }

    private Path build(String target, boolean allVersions) {
        Path m = tmp.resolve("m.jsonl");
        ManifestBuilder.build(
                target,
                m,
                pair.getPrivate(),
                new ManifestBuilder.Options(
                        HashAlgorithm.SM3,
                        new Labels(Sensitivity.SENSITIVE),
                        List.of(),
                        allVersions,
                        false,
                        2,
                        settings));
        return m;
    }

    private VerificationReport verify(Path m, String target) {
        return Verification.verify(
                m, pair.getPublic(), target, Verification.Options.defaults().withS3(settings));
    }

    @Test
    void bucketPrefixVerifiesCleanThenReportsEveryDifference() {
        Path m = build("s3://handover/data", false);
        VerificationReport clean = verify(m, "s3://handover/data");
        assertThat(clean.clean()).as(clean.findings().toString()).isTrue();
        assertThat(clean.totals().ok()).isEqualTo(4);

        s3.deleteObject(b -> b.bucket("handover").key("data/a.txt"));
        put("data/new.txt", "extra");
        put("data/docs/r.md", "# r, longer");
        put("data/docs/sub/x.csv", "1,3");
        VerificationReport r = verify(m, "s3://handover/data");
        assertThat(r.clean()).isFalse();
        assertThat(r.findings())
                .extracting(f -> f.kind() + " " + f.path())
                .containsExactly(
                        "MISSING a.txt", "SIZE_MISMATCH docs/r.md", "HASH_MISMATCH docs/sub/x.csv", "EXTRA new.txt");
    }

    @Test
    void largeObjectsAreVerifiedChunkByChunkWithRangedGets() {
        byte[] big = new byte[2 * (1 << 20) + 12345];
        new java.util.Random(15).nextBytes(big);
        s3.putObject(b -> b.bucket("handover").key("data/big.bin"), RequestBody.fromBytes(big));
        Path m = tmp.resolve("m.jsonl");
        ManifestBuilder.build(
                "s3://handover/data",
                m,
                pair.getPrivate(),
                new ManifestBuilder.Options(
                        HashAlgorithm.SM3,
                        new Labels(Sensitivity.SENSITIVE),
                        List.of(),
                        false,
                        false,
                        2,
                        settings,
                        1 << 20,
                        1 << 20));
        FileEntry e = ManifestEntries.files(m).stream()
                .filter(f -> f.path().equals("big.bin"))
                .findFirst()
                .orElseThrow();
        assertThat(e.chunks().count()).isEqualTo(3);
        VerificationReport clean = verify(m, "s3://handover/data");
        assertThat(clean.clean()).as(clean.findings().toString()).isTrue();
        assertThat(clean.totals().ok()).isEqualTo(5);

        big[(1 << 20) + 7] ^= 1;
        s3.putObject(b -> b.bucket("handover").key("data/big.bin"), RequestBody.fromBytes(big));
        VerificationReport r = verify(m, "s3://handover/data");
        assertThat(r.findings())
                .extracting(f -> f.kind() + " " + f.path() + " " + f.detail())
                .containsExactly("HASH_MISMATCH big.bin chunkDiffers: 1048576-2097151");
    }

    @Test
    void aCopyInADirectoryVerifiesAgainstTheBucketManifest() throws Exception {
        Path m = build("s3://handover/data", false);
        Path dir = tmp.resolve("copy");
        java.nio.file.Files.createDirectories(dir.resolve("docs/sub"));
        java.nio.file.Files.writeString(dir.resolve("a.txt"), "hello");
        java.nio.file.Files.writeString(dir.resolve("a-b.txt"), "dash");
        java.nio.file.Files.writeString(dir.resolve("docs/r.md"), "# r");
        java.nio.file.Files.writeString(dir.resolve("docs/sub/x.csv"), "1,2");
        VerificationReport r = verify(m, dir.toString());
        assertThat(r.clean()).as(r.findings().toString()).isTrue();
    }

    @Test
    void everyObjectVersionIsRecordedAndChecked() {
        s3.putBucketVersioning(
                b -> b.bucket("handover").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        put("data/a.txt", "hello v2");
        Path m = build("s3://handover/data", true);
        VerificationReport r = Verification.verify(
                m,
                pair.getPublic(),
                "s3://handover/data",
                Verification.Options.defaults().withS3(settings));
        assertThat(r.clean()).as(r.findings().toString()).isTrue();
        long versionsOfA = ManifestEntries.files(m).stream()
                .filter(f -> f.path().equals("a.txt"))
                .count();
        assertThat(versionsOfA).isGreaterThanOrEqualTo(2);
        String oldVersion = ManifestEntries.files(m).stream()
                .filter(f -> f.path().equals("a.txt") && !Boolean.TRUE.equals(f.latest()))
                .findFirst()
                .orElseThrow()
                .version();
        s3.deleteObject(b -> b.bucket("handover").key("data/a.txt").versionId(oldVersion));
        VerificationReport after = Verification.verify(
                m,
                pair.getPublic(),
                "s3://handover/data",
                Verification.Options.defaults().withS3(settings));
        assertThat(after.findings())
                .extracting(f -> f.kind() + " " + f.path())
                .containsExactly("MISSING a.txt?versionId=" + oldVersion);
    }

    @Test
    void nonexistentBucketIsAnErrorNamingIt() {
        Path m = build("s3://handover/data", false);
        assertThatThrownBy(() -> verify(m, "s3://no-such-bucket/x"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("bucket 'no-such-bucket' does not exist");
        assertThatThrownBy(() -> build("s3://no-such-bucket", false))
                .hasMessage("bucket 'no-such-bucket' does not exist");
    }
}
