package org.yunjian.exit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * A test-only fault injector, registered for every S3 client of the test JVM through the SDK's
 * {@code execution.interceptors} resource but acting only on buckets whose name starts with {@code flaky-}:
 * it breaks the bodies of the first GETs after some bytes (a connection reset), refuses the first requests before
 * they are sent, and adds store checksum headers to answers — so the real reading code meets real failures.
 */
public final class FlakyStore implements ExecutionInterceptor {

    /** GET bodies still to break, and after how many bytes. */
    public static final AtomicInteger BREAK_BODIES = new AtomicInteger();
    public static volatile int breakAfter = 1000;
    /** GET requests still to refuse before sending. */
    public static final AtomicInteger REFUSE = new AtomicInteger();
    /** Extra response headers by object key (for GET and HEAD). */
    public static final Map<String, Map<String, String>> HEADERS = new ConcurrentHashMap<>();
    /** The Range header of every GET (null for a whole-object GET), in order of sending. */
    public static final List<String> RANGES = new CopyOnWriteArrayList<>();

    public static void reset() {
        BREAK_BODIES.set(0);
        REFUSE.set(0);
        breakAfter = 1000;
        HEADERS.clear();
        RANGES.clear();
    }

    private static boolean flaky(SdkRequest r) {
        return r instanceof GetObjectRequest g && g.bucket().startsWith("flaky-")
                || r instanceof HeadObjectRequest h && h.bucket().startsWith("flaky-");
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof GetObjectRequest g && flaky(g)) {
            RANGES.add(g.range());
            if (REFUSE.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new UncheckedIOException(new IOException("Connection refused (injected)"));
            }
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        if (!flaky(r)) {
            return context.httpResponse();
        }
        String key = r instanceof GetObjectRequest g ? g.key() : ((HeadObjectRequest) r).key();
        Map<String, String> extra = HEADERS.get(key);
        if (extra == null) {
            return context.httpResponse();
        }
        SdkHttpResponse.Builder b = context.httpResponse().toBuilder();
        extra.forEach(b::putHeader);
        return b.build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (!(context.request() instanceof GetObjectRequest g) || !flaky(g) || body.isEmpty()
                || context.httpResponse().statusCode() >= 300 || BREAK_BODIES.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return body;
        }
        int limit = breakAfter;
        return Optional.of(new FilterInputStream(body.get()) {
            private int read;

            @Override
            public int read() throws IOException {
                if (read >= limit) {
                    throw new IOException("Connection reset (injected)");
                }
                int c = super.read();
                read++;
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= limit) {
                    throw new IOException("Connection reset (injected)");
                }
                int n = super.read(b, off, Math.min(len, limit - read));
                if (n > 0) {
                    read += n;
                }
                return n;
            }
        });
    }
}
