package org.yunjian.exit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yunjian.exit.S3Settings;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content GETs signed and sent without the SDK's pipeline, against a real S3 server that checks every signature:
 * keys that need encoding, ranges, the ETag condition, and error answers turned into the SDK's exception.
 */
class SignedGetsTest {

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials("access", "secret")
            .build();

    private static final String[] KEYS = {"plain.bin", "目录/文件 1+2.txt", "a b/c%d=e&f?g#h", "~tilde/(paren)*star!'q'"};
    private static final byte[] CONTENT = new byte[100_000];

    private static S3Settings settings(String secret) {
        return new S3Settings(
                S3_PROXY.getUri().toString(),
                "us-east-1",
                "access",
                secret,
                4,
                S3Settings.DEFAULT_PART_SIZE,
                S3Settings.DEFAULT_MEMORY,
                0);
    }

    /** The extension starts its server before each test, with an empty store. */
    @BeforeEach
    void bucket() {
        new Random(11).nextBytes(CONTENT);
        try (S3Client admin = S3Source.client(settings("secret"))) {
            admin.createBucket(b -> b.bucket("signed"));
            for (String k : KEYS) {
                admin.putObject(r -> r.bucket("signed").key(k), RequestBody.fromBytes(CONTENT));
            }
        }
    }

    @Test
    void everyKeyIsReadWholeAndInRangesWithItsLengthAndETag() throws Exception {
        try (SdkHttpClient http = S3Source.httpClient(settings("secret"), 4)) {
            SignedGets gets = new SignedGets(http, settings("secret"), S3Source.credentials(settings("secret")));
            for (String k : KEYS) {
                try (SignedGets.Body whole = gets.get("signed", k, null, null, 0, -1, true)) {
                    assertThat(whole.readAllBytes()).as(k).isEqualTo(CONTENT);
                    assertThat(whole.contentLength()).isEqualTo(CONTENT.length);
                    assertThat(whole.eTag()).isNotBlank();
                }
                try (SignedGets.Body part = gets.get("signed", k, null, null, 1_000, 1_999, false)) {
                    assertThat(part.readAllBytes()).isEqualTo(Arrays.copyOfRange(CONTENT, 1_000, 2_000));
                }
                try (SignedGets.Body tail = gets.get("signed", k, null, null, 99_990, -1, false)) {
                    assertThat(tail.readAllBytes()).isEqualTo(Arrays.copyOfRange(CONTENT, 99_990, 100_000));
                }
            }
        }
    }

    @Test
    void aChangedObjectAMissingKeyAndWrongCredentialsAreTheSdksExceptions() throws Exception {
        try (SdkHttpClient http = S3Source.httpClient(settings("secret"), 4)) {
            SignedGets gets = new SignedGets(http, settings("secret"), S3Source.credentials(settings("secret")));
            String etag;
            try (SignedGets.Body b = gets.get("signed", "plain.bin", null, null, 0, 9, false)) {
                etag = b.eTag();
            }
            try (SignedGets.Body b = gets.get("signed", "plain.bin", null, etag, 10, 19, false)) {
                assertThat(b.readAllBytes()).isEqualTo(Arrays.copyOfRange(CONTENT, 10, 20));
            }
            assertThatThrownBy(() ->
                            gets.get("signed", "plain.bin", null, "\"0123456789abcdef0123456789abcdef\"", 0, 9, false))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(412);
                        assertThat(S3Reads.retryable(e)).isFalse();
                    });
            assertThatThrownBy(() -> gets.get("signed", "no/such key", null, null, 0, -1, false))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                        assertThat(e.getMessage()).contains("Status Code: 404");
                        assertThat(S3Reads.retryable(e)).isFalse();
                    });
        }
        try (SdkHttpClient http = S3Source.httpClient(settings("wrong"), 4)) {
            SignedGets gets = new SignedGets(http, settings("wrong"), S3Source.credentials(settings("wrong")));
            assertThatThrownBy(() -> gets.get("signed", "plain.bin", null, null, 0, -1, false))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
        }
    }

    @Test
    void anErrorAnswerThatIsNotS3sXmlKeepsItsStatus() {
        SdkHttpResponse response = SdkHttpResponse.builder().statusCode(503).build();
        S3Exception e = SignedGets.error(response, "<html><body>busy</body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isNull();
        assertThat(S3Reads.retryable(e)).isTrue();
        S3Exception slow = SignedGets.error(
                response,
                "<?xml version=\"1.0\"?><Error><Code>SlowDown</Code><Message>Reduce your rate</Message></Error>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(slow.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
        assertThat(slow.getMessage()).startsWith("Reduce your rate");
        S3Exception entity = SignedGets.error(
                response,
                "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Error><Code>&x;</Code></Error>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(entity.awsErrorDetails().errorCode()).isNull();
    }
}
