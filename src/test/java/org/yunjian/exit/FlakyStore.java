package org.yunjian.exit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.yunjian.exit.internal.S3HttpWrapper;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * A test-only fault injector, declared for every S3 source of the test JVM (a {@link S3HttpWrapper} service in
 * {@code META-INF/services}) but acting only on objects of buckets whose name starts with {@code flaky-}: on the HTTP
 * client, it breaks the bodies of the first GETs after some bytes (a connection reset), refuses the first GETs before
 * they are sent, and adds store checksum headers to answers (GET and HEAD) — so the real reading code meets real
 * failures.
 */
public final class FlakyStore implements S3HttpWrapper {

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

    @Override
    public SdkHttpClient wrap(SdkHttpClient client) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                SdkHttpRequest r = request.httpRequest();
                String key = flakyKey(r);
                if (key == null) {
                    return client.prepareRequest(request);
                }
                boolean get = r.method() == SdkHttpMethod.GET;
                if (get) {
                    RANGES.add(r.firstMatchingHeader("Range").orElse(null));
                    if (REFUSE.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        return refused();
                    }
                }
                ExecutableHttpRequest sent = client.prepareRequest(request);
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        return modified(sent.call(), key, get);
                    }

                    @Override
                    public void abort() {
                        sent.abort();
                    }
                };
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /** The object key of a GET or HEAD of an object in a {@code flaky-} bucket (path style), else null. */
    private static String flakyKey(SdkHttpRequest r) {
        if (r.method() != SdkHttpMethod.GET && r.method() != SdkHttpMethod.HEAD) {
            return null;
        }
        String path = r.encodedPath();
        if (!path.startsWith("/flaky-")) {
            return null;
        }
        int slash = path.indexOf('/', 1);
        return slash < 0 || slash == path.length() - 1 ? null : SdkHttpUtils.urlDecode(path.substring(slash + 1));
    }

    private static ExecutableHttpRequest refused() {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                throw new IOException("Connection refused (injected)");
            }

            @Override
            public void abort() {
                // never sent
            }
        };
    }

    private static HttpExecuteResponse modified(HttpExecuteResponse answer, String key, boolean get) {
        SdkHttpResponse response = answer.httpResponse();
        Map<String, String> extra = HEADERS.get(key);
        if (extra != null) {
            SdkHttpResponse.Builder b = response.toBuilder();
            extra.forEach(b::putHeader);
            response = b.build();
        }
        Optional<AbortableInputStream> body = answer.responseBody();
        if (get
                && body.isPresent()
                && response.isSuccessful()
                && BREAK_BODIES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            AbortableInputStream original = body.get();
            body = Optional.of(AbortableInputStream.create(broken(original, breakAfter), original::abort));
        }
        return HttpExecuteResponse.builder()
                .response(response)
                .responseBody(body.orElse(null))
                .build();
    }

    private static InputStream broken(InputStream in, int limit) {
        return new FilterInputStream(in) {
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
        };
    }
}
