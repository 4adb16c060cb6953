package org.yunjian.exit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.yunjian.exit.S3Settings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads objects at network speed with bounded memory. At most {@code concurrency} GET requests are in flight over
 * all objects. An object up to the part size is one streamed GET; a larger one is read as ranged GETs of one part
 * each, fetched ahead concurrently into buffers whose total never exceeds {@code memory} bytes and handed to the
 * reader in order. A request that fails with throttling, a server error or a broken connection is retried up to
 * {@code retries} times with exponential backoff and full jitter, resuming at the byte where it stopped
 * (pinned to the object's ETag, so a resumed read never splices two versions of an object). Content is read with
 * {@link SignedGets}; the HEAD of a large object goes through the SDK.
 */
public final class S3Reads implements AutoCloseable {

    static final long BACKOFF_BASE_MILLIS = 100;
    static final long BACKOFF_CAP_MILLIS = 20_000;

    private final S3Client s3;
    private final SignedGets gets;
    private final S3Settings settings;
    private final Semaphore requests;
    private final Semaphore memory;
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final ExecutorService parts;

    /** Reads on {@code http}, which the caller closes after this. */
    public S3Reads(SdkHttpClient http, S3Settings settings) {
        this(http, settings, S3Source.credentials(settings));
    }

    S3Reads(SdkHttpClient http, S3Settings settings, AwsCredentialsProvider credentials) {
        this.s3 = S3Source.dataClient(settings, http, credentials);
        this.gets = new SignedGets(http, settings, credentials);
        this.settings = settings;
        this.requests = new Semaphore(settings.concurrency(), true);
        this.memory = new Semaphore((int) settings.memory(), true);
        AtomicInteger n = new AtomicInteger();
        this.parts = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "yunjian-s3-part-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    S3Client client() {
        return s3;
    }

    public S3Settings settings() {
        return settings;
    }

    /** The most bytes of fetched-ahead parts held at once so far (never above the memory bound). */
    public long peakBufferedBytes() {
        return peak.get();
    }

    /** The content of an object of {@code size} bytes (from the listing), checked against the store's checksums. */
    public InputStream open(String bucket, String key, String version, long size) throws IOException {
        if (size > settings.partSize()) {
            HeadObjectResponse head = retrying(() -> s3.headObject(
                    r -> r.bucket(bucket).key(key).versionId(version).checksumMode(ChecksumMode.ENABLED)));
            List<StoreChecksum> sums =
                    StoreChecksum.from(h -> head.sdkHttpResponse().firstMatchingHeader(h));
            return StoreChecksum.checked(
                    new RangedReader(this, bucket, key, version, head.eTag(), 0, head.contentLength()), sums);
        }
        Whole w = new Whole(bucket, key, version, 0, -1);
        return w.first == null ? w : StoreChecksum.checked(w, StoreChecksum.from(w.first::header));
    }

    /**
     * {@code length} bytes of an object from {@code offset} (a chunk of a chunked manifest): parts fetched
     * concurrently as for a whole large object, or one resumable ranged GET when the range is one part or less. The
     * store's whole-object checksums do not apply to a range.
     */
    public InputStream openRange(String bucket, String key, String version, long offset, long length)
            throws IOException {
        if (length > settings.partSize()) {
            return new RangedReader(this, bucket, key, version, null, offset, offset + length);
        }
        return new Whole(bucket, key, version, offset, length);
    }

    /** A call that may be retried as a whole. */
    interface Call<T> {
        T run() throws IOException;
    }

    <T> T retrying(Call<T> call) throws IOException {
        int attempt = 0;
        while (true) {
            try {
                return call.run();
            } catch (IOException | RuntimeException e) {
                attempt = failed(e, attempt);
            }
        }
    }

    /** Rethrows {@code e} unless it is transient and retries are left; else waits the backoff and returns the attempt. */
    int failed(Exception e, int attempt) throws IOException {
        if (!retryable(e) || attempt >= settings.retries()) {
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getMessage(), e);
        }
        int next = attempt + 1;
        long ceiling = Math.min(BACKOFF_CAP_MILLIS, BACKOFF_BASE_MILLIS << Math.min(next, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        return next;
    }

    /** Throttling, server errors, timeouts and broken connections; not refusals (403, 404, 412 …). */
    static boolean retryable(Throwable e) {
        if (e instanceof Source.Unreadable || e instanceof InterruptedIOException || e instanceof AbortedException) {
            return false;
        }
        if (e instanceof S3Exception s) {
            String code =
                    s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            return s.statusCode() >= 500
                    || s.statusCode() == 429
                    || "SlowDown".equals(code)
                    || "Throttling".equals(code)
                    || "ThrottlingException".equals(code)
                    || "RequestTimeout".equals(code);
        }
        return e instanceof SdkClientException || e instanceof IOException || e instanceof UncheckedIOException;
    }

    SignedGets.Body get(String bucket, String key, String version, String etag, long from, long to, boolean checksums)
            throws IOException {
        return gets.get(bucket, key, version, etag, from, to, checksums);
    }

    void acquireRequest() throws InterruptedIOException {
        try {
            requests.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    void releaseRequest() {
        requests.release();
    }

    /** Takes {@code bytes} of the memory bound, waiting if {@code wait}; false if not taken. */
    boolean reserve(int bytes, boolean wait) throws InterruptedIOException {
        if (wait) {
            try {
                memory.acquire(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        } else if (!memory.tryAcquire(bytes)) {
            return false;
        }
        long now = buffered.addAndGet(bytes);
        peak.accumulateAndGet(now, Math::max);
        return true;
    }

    void unreserve(int bytes) {
        buffered.addAndGet(-bytes);
        memory.release(bytes);
    }

    ExecutorService partPool() {
        return parts;
    }

    /** Part fetches ahead per object: enough to keep the requests busy, leaving room for other large objects. */
    int aheadPerObject() {
        return Math.max(2, Math.min(settings.concurrency(), (int) (settings.memory() / settings.partSize())));
    }

    @Override
    public void close() {
        parts.shutdownNow();
    }

    /**
     * One object (or one range of it) in one streamed GET, resumed with a ranged GET from the byte where a broken read
     * stopped.
     */
    private final class Whole extends InputStream {
        private final String bucket;
        private final String key;
        private final String version;
        private final SignedGets.Body first;
        private final long offset;
        private final long length;
        private final String etag;
        private SignedGets.Body in;
        private long pos;
        private boolean closed;

        /** {@code length} bytes from {@code offset}, or the whole object with {@code length < 0}. */
        Whole(String bucket, String key, String version, long offset, long length) throws IOException {
            this.bucket = bucket;
            this.key = key;
            this.version = version;
            this.offset = offset;
            boolean whole = length < 0;
            acquireRequest();
            try {
                this.first = whole
                        ? retrying(() -> get(bucket, key, version, null, 0, -1, true))
                        : length == 0
                                ? null
                                : retrying(() -> get(bucket, key, version, null, offset, offset + length - 1, false));
            } catch (IOException | RuntimeException e) {
                releaseRequest();
                throw e;
            }
            this.in = first;
            Long len = first == null ? Long.valueOf(0) : first.contentLength();
            this.length = whole ? (len == null ? -1 : len) : length;
            this.etag = first == null ? null : first.eTag();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int attempt = 0;
            while (true) {
                try {
                    if (length >= 0 && pos >= length) {
                        return -1;
                    }
                    if (in == null) {
                        in = get(
                                bucket,
                                key,
                                version,
                                etag,
                                offset + pos,
                                length >= 0 ? offset + length - 1 : -1,
                                false);
                    }
                    int n = in.read(b, off, len);
                    if (n < 0 && length >= 0 && pos < length) {
                        throw new IOException(
                                org.yunjian.exit.ExitTexts.get("exit.s3.closedEarly", offset + pos, offset + length));
                    }
                    if (n > 0) {
                        pos += n;
                    }
                    return n;
                } catch (IOException | RuntimeException e) {
                    abort();
                    attempt = failed(e, attempt);
                }
            }
        }

        private void abort() {
            if (in != null) {
                in.abort();
                in = null;
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (in != null && length >= 0 && pos < length) {
                    abort(); // not read to the end: do not drain the rest of the object
                } else if (in != null) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // the response was read to its end
                    }
                }
                releaseRequest();
            }
        }
    }
}
