package org.yunjian.exit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yunjian.exit.S3Settings;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Large objects read in concurrent parts never hold more fetched-ahead bytes than the memory bound. */
class S3ReadsTest {

    private static final int PART = 64 << 10;

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials("access", "secret")
            .build();

    @Test
    void threeLargeObjectsReadAtOnceStayWithinTheMemoryBoundAndArriveIntact() throws Exception {
        S3Settings settings =
                new S3Settings(S3_PROXY.getUri().toString(), "us-east-1", "access", "secret", 6, PART, 3L * PART, 2);
        Random random = new Random(7);
        List<byte[]> contents = new ArrayList<>();
        try (S3Client admin = S3Source.client(settings)) {
            admin.createBucket(b -> b.bucket("big"));
            for (int i = 0; i < 3; i++) {
                byte[] b = new byte[31 * PART + 17];
                random.nextBytes(b);
                contents.add(b);
                int n = i;
                admin.putObject(r -> r.bucket("big").key("o" + n), RequestBody.fromBytes(b));
            }
        }
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try (var http = S3Source.httpClient(settings, 8);
                S3Reads reads = new S3Reads(http, settings)) {
            List<Future<byte[]>> read = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                read.add(readers.submit(() -> {
                    try (InputStream in = reads.open("big", "o" + n, null, contents.get(n).length)) {
                        assertThat(in).isInstanceOf(RangedReader.class);
                        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                        byte[] buf = new byte[10_000]; // a reader slower than the parts: fetching ahead fills the bound
                        int k;
                        while ((k = in.read(buf)) > 0) {
                            out.write(buf, 0, k);
                        }
                        return out.toByteArray();
                    }
                }));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(read.get(i).get()).isEqualTo(contents.get(i));
            }
            assertThat(reads.peakBufferedBytes()).isGreaterThan(PART).isLessThanOrEqualTo(3L * PART);
            reads.client().close();
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aChunkIsReadAsTheExactRangeWhetherOnePartOrMany() throws Exception {
        S3Settings settings =
                new S3Settings(S3_PROXY.getUri().toString(), "us-east-1", "access", "secret", 4, PART, 2L * PART, 1);
        byte[] b = new byte[10 * PART + 5];
        new Random(3).nextBytes(b);
        try (S3Client admin = S3Source.client(settings)) {
            admin.createBucket(r -> r.bucket("chunks"));
            admin.putObject(r -> r.bucket("chunks").key("x"), RequestBody.fromBytes(b));
        }
        try (var http = S3Source.httpClient(settings, 8);
                S3Reads reads = new S3Reads(http, settings)) {
            long[][] ranges = {{0, 3L * PART}, {PART + 11, 4L * PART + 3}, {9L * PART, PART + 5}, {17, 100}, {5, 0}};
            for (long[] r : ranges) {
                try (InputStream in = reads.openRange("chunks", "x", null, r[0], r[1])) {
                    assertThat(in.readAllBytes())
                            .as("bytes %d+%d", r[0], r[1])
                            .isEqualTo(java.util.Arrays.copyOfRange(b, (int) r[0], (int) (r[0] + r[1])));
                }
            }
            reads.client().close();
        }
    }
}
