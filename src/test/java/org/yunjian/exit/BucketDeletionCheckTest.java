package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yunjian.exit.BucketDeletionCheck.Report;
import org.yunjian.exit.cli.ExitCli;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** {@code exit check-deleted} against S3Proxy's transient store (which keeps versions and delete markers). */
@org.junit.jupiter.api.extension.ExtendWith(org.yunjian.exit.InEnglish.class)
class BucketDeletionCheckTest {

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials("access", "secret")
            .build();

    S3Client s3;
    S3Settings settings;

    @BeforeEach
    void setUp() {
        settings = new S3Settings(S3_PROXY.getUri().toString(), "us-east-1", "access", "secret");
        s3 = S3Client.builder()
                .endpointOverride(S3_PROXY.getUri())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
                .build();
    }

    @AfterEach
    void tearDown() {
        s3.close();
    }

    private void bucket(String name, boolean versioned) {
        s3.createBucket(b -> b.bucket(name));
        if (versioned) {
            s3.putBucketVersioning(
                    b -> b.bucket(name).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        }
    }

    private void put(String bucket, String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    private String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 6];
        all[0] = "exit";
        all[1] = "check-deleted";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--endpoint";
        all[args.length + 3] = S3_PROXY.getUri().toString();
        all[args.length + 4] = "--region=us-east-1";
        all[args.length + 5] = "--lang=en";
        int status = ExitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @Test
    void anEmptyBucketIsConfirmedEmpty() {
        bucket("gone", true);
        Report r = BucketDeletionCheck.check("s3://gone", settings);
        assertThat(r.empty()).isTrue();
        assertThat(r.remaining()).isEmpty();
        assertThat(r.bucket()).isEqualTo("gone");
        assertThat(r.prefix()).isEmpty();
    }

    @Test
    void currentObjectsAreListedWithSizeAndDate() {
        bucket("plain", false);
        put("plain", "data/a.txt", "hello");
        put("plain", "data/sub/b.txt", "hi");
        Report r = BucketDeletionCheck.check("s3://plain", settings);
        assertThat(r.empty()).isFalse();
        assertThat(r.current()).isEqualTo(2);
        assertThat(r.bytes()).isEqualTo(7);
        assertThat(r.remaining())
                .extracting(x -> x.kind() + " " + x.key() + " " + x.size())
                .containsExactlyInAnyOrder("CURRENT data/a.txt 5", "CURRENT data/sub/b.txt 2");
        assertThat(r.remaining()).allSatisfy(x -> assertThat(x.lastModified()).isNotNull());
    }

    @Test
    void nonCurrentVersionsAndDeleteMarkersRemainAfterTheObjectsAreDeleted() {
        bucket("history", true);
        put("history", "a.txt", "one");
        put("history", "a.txt", "two!");
        put("history", "b.txt", "bee");
        s3.deleteObject(b -> b.bucket("history").key("b.txt")); // leaves a delete marker over b.txt
        Report r = BucketDeletionCheck.check("s3://history", settings);
        assertThat(r.empty()).isFalse();
        assertThat(r.current()).isEqualTo(1);
        assertThat(r.nonCurrent()).isEqualTo(2);
        assertThat(r.deleteMarkers()).isEqualTo(1);
        assertThat(r.remaining())
                .extracting(x -> x.kind() + " " + x.key())
                .containsExactlyInAnyOrder(
                        "CURRENT a.txt", "NON_CURRENT a.txt", "NON_CURRENT b.txt", "DELETE_MARKER b.txt");
        assertThat(r.remaining()).allSatisfy(x -> assertThat(x.versionId()).isNotBlank());

        s3.deleteObject(b -> b.bucket("history").key("a.txt"));
        Report onlyHistory = BucketDeletionCheck.check("s3://history", settings);
        assertThat(onlyHistory.current()).isZero();
        assertThat(onlyHistory.empty())
                .as("versions and markers are still data to delete")
                .isFalse();

        for (var v : onlyHistory.remaining()) {
            s3.deleteObject(b -> b.bucket("history").key(v.key()).versionId(v.versionId()));
        }
        assertThat(BucketDeletionCheck.check("s3://history", settings).empty()).isTrue();
    }

    @Test
    void anUnfinishedMultipartUploadIsData() {
        bucket("uploads", false);
        String id = s3.createMultipartUpload(b -> b.bucket("uploads").key("big.bin"))
                .uploadId();
        s3.uploadPart(
                b -> b.bucket("uploads").key("big.bin").uploadId(id).partNumber(1), RequestBody.fromString("part"));
        Report r = BucketDeletionCheck.check("s3://uploads", settings);
        assertThat(r.empty()).isFalse();
        assertThat(r.multipartUploads()).isEqualTo(1);
        assertThat(r.remaining())
                .extracting(x -> x.kind() + " " + x.key() + " " + x.versionId())
                .contains("MULTIPART_UPLOAD big.bin " + id);
        s3.abortMultipartUpload(b -> b.bucket("uploads").key("big.bin").uploadId(id));
        assertThat(BucketDeletionCheck.check("s3://uploads", settings).empty()).isTrue();
    }

    @Test
    void aPrefixIsCheckedOnItsOwn() {
        bucket("shared", false);
        put("shared", "tenant-a/x.bin", "a");
        put("shared", "tenant-ab/y.bin", "not under tenant-a/");
        put("shared", "tenant-b/z.bin", "b");
        assertThat(BucketDeletionCheck.check("s3://shared/tenant-c", settings).empty())
                .isTrue();
        Report a = BucketDeletionCheck.check("s3://shared/tenant-a", settings);
        assertThat(a.prefix()).isEqualTo("tenant-a/");
        assertThat(a.remaining()).extracting(BucketDeletionCheck.Remaining::key).containsExactly("tenant-a/x.bin");
        s3.deleteObject(b -> b.bucket("shared").key("tenant-a/x.bin"));
        assertThat(BucketDeletionCheck.check("s3://shared/tenant-a/", settings).empty())
                .isTrue();
        assertThat(BucketDeletionCheck.check("s3://shared", settings).current()).isEqualTo(2);
    }

    @Test
    void aMissingBucketOrRefusedCredentialsAreErrorsNeverEmpty() {
        assertThatThrownBy(() -> BucketDeletionCheck.check("s3://no-such-bucket/x", settings))
                .isInstanceOf(ManifestException.class)
                .hasMessage("bucket 'no-such-bucket' does not exist");
        bucket("locked", false);
        S3Settings wrong = new S3Settings(settings.endpoint(), "us-east-1", "access", "not-the-secret");
        assertThatThrownBy(() -> BucketDeletionCheck.check("s3://locked", wrong))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("access to bucket 'locked' denied");
        S3Settings nowhere = new S3Settings("http://127.0.0.1:9", "us-east-1", "access", "secret");
        assertThatThrownBy(() -> BucketDeletionCheck.check("s3://locked", nowhere))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("cannot reach S3 endpoint");
        assertThatThrownBy(() -> BucketDeletionCheck.check("s3:///x", settings)).hasMessageStartingWith("no bucket");
    }

    @Test
    void theCommandExitsZeroOnlyWhenEmptyAndPrintsTextOrJson() throws Exception {
        bucket("cli", true);
        String[] empty = withCredentials(() -> cli("s3://cli"));
        assertThat(empty[0]).isEqualTo("0");
        assertThat(empty[1]).contains("RESULT: EMPTY");

        put("cli", "k/one.txt", "1");
        s3.deleteObject(b -> b.bucket("cli").key("k/one.txt"));
        String[] text = withCredentials(() -> cli("s3://cli/k"));
        assertThat(text[0]).isEqualTo("1");
        assertThat(text[1])
                .contains("NON_CURRENT\tk/one.txt\t")
                .contains("DELETE_MARKER\tk/one.txt\t")
                .contains("RESULT: NOT EMPTY");

        String[] json = withCredentials(() -> cli("s3://cli/k", "--json"));
        assertThat(json[0]).isEqualTo("1");
        assertThat(json[1].trim())
                .startsWith("{\"target\":\"s3://cli/k\",\"remaining\":[{\"key\":\"k/one.txt\"")
                .contains("\"kind\":\"DELETE_MARKER\"")
                .contains("\"kind\":\"NON_CURRENT\"")
                .contains("\"prefix\":\"k/\",\"empty\":false")
                .endsWith("\"deleteMarkers\":1,\"multipartUploads\":0,\"bytes\":1}}");

        String[] missing = withCredentials(() -> cli("s3://absent", "--json"));
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[1]).isEmpty();
        assertThat(missing[2].trim()).isEqualTo("yunjian exit check-deleted: error: bucket 'absent' does not exist");
    }

    @Test
    void theJsonTheCommandPrintsReadsBackAsTheSameReport() {
        bucket("readback", true);
        put("readback", "t/a.txt", "abc");
        put("readback", "t/a.txt", "abcd");
        s3.createMultipartUpload(b -> b.bucket("readback").key("t/big.bin"));
        String[] json = withCredentials(() -> cli("s3://readback/t", "--json"));
        assertThat(json[0]).isEqualTo("1");
        Report read = Report.parse(json[1]);
        Report direct = BucketDeletionCheck.check("s3://readback/t", settings);
        assertThat(read.target()).isEqualTo("s3://readback/t");
        assertThat(read.prefix()).isEqualTo("t/");
        assertThat(read.empty()).isFalse();
        assertThat(List.of(
                        read.current(), read.nonCurrent(), read.deleteMarkers(), read.multipartUploads(), read.bytes()))
                .isEqualTo(List.of(
                        direct.current(),
                        direct.nonCurrent(),
                        direct.deleteMarkers(),
                        direct.multipartUploads(),
                        direct.bytes()))
                .isEqualTo(List.of(1L, 1L, 0L, 1L, 7L));
        assertThat(read.remaining()).containsExactlyInAnyOrderElementsOf(direct.remaining());

        bucket("clean", false);
        Report empty = Report.parse(withCredentials(() -> cli("s3://clean", "--json"))[1]);
        assertThat(empty.empty()).isTrue();
        assertThat(empty.remaining()).isEmpty();
    }

    @Test
    void aReportThatContradictsItselfOrLacksAMemberIsRefused() {
        bucket("lies", false);
        put("lies", "x.bin", "x");
        String real = withCredentials(() -> cli("s3://lies", "--json"))[1];
        assertThat(Report.parse(real).current()).isEqualTo(1);
        assertThatThrownBy(() -> Report.parse(real.replace("\"empty\":false", "\"empty\":true")))
                .hasMessage("it claims empty:true but its totals count 1 remaining items");
        assertThatThrownBy(() -> Report.parse(
                        real.replace("\"current\":1", "\"current\":0").replace("\"empty\":false", "\"empty\":true")))
                .hasMessage("remaining lists 1 CURRENT items but totals.current is 0");
        assertThatThrownBy(() -> Report.parse(real.replace("\"current\":1", "\"current\":2")))
                .hasMessage("remaining lists 1 CURRENT items but totals.current is 2");
        assertThatThrownBy(() -> Report.parse(real.replace("\"bucket\":\"lies\"", "\"bucket\":\"other\"")))
                .hasMessageContaining("is not bucket 'other'");
        assertThatThrownBy(() -> Report.parse(real.replace("\"kind\":\"CURRENT\"", "\"kind\":\"GONE\"")))
                .hasMessageStartingWith("remaining[0].kind: one of");
        assertThatThrownBy(() -> Report.parse(real.replace(",\"checkedAt\"", ",\"checked\"")))
                .hasMessage("checkedAt: required, an ISO-8601 instant");
        assertThatThrownBy(() -> Report.parse("{\"target\":\"s3://lies\"")).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> Report.parse("[]")).hasMessageContaining("expected an object");
        assertThat(Report.parse(DeletionCheckReportFuzzTest.SEED).nonCurrent())
                .as("the fuzz seed is valid")
                .isEqualTo(1);
    }

    /** The command takes credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY like the S3 source. */
    private String[] withCredentials(java.util.function.Supplier<String[]> run) {
        String id = System.getProperty("aws.accessKeyId");
        String key = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", "access");
        System.setProperty("aws.secretAccessKey", "secret");
        try {
            return run.get();
        } finally {
            restore("aws.accessKeyId", id);
            restore("aws.secretAccessKey", key);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
