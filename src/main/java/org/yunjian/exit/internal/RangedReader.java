package org.yunjian.exit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A large object read as concurrent ranged GETs of one part each, delivered in order to a sequential reader (the
 * whole-file hasher). Parts are fetched ahead as far as the shared memory bound allows; each part's buffer is
 * counted against the bound from before its request until the reader has moved past it. A part whose transfer
 * breaks is resumed from the byte where it stopped.
 */
final class RangedReader extends InputStream {

    private record Part(long start, int length, Future<byte[]> data) {}

    private final S3Reads reads;
    private final String bucket;
    private final String key;
    private final String version;
    private final String etag;
    private final long end;
    private final long partSize;
    private final ArrayDeque<Part> ahead = new ArrayDeque<>();
    private long nextStart;
    private byte[] current;
    private int currentLength;
    private int pos;
    private volatile boolean closed;

    /** Bytes {@code [from, end)} of the object, pinned to {@code etag} if not null. */
    RangedReader(S3Reads reads, String bucket, String key, String version, String etag, long from, long end) {
        this.reads = reads;
        this.bucket = bucket;
        this.key = key;
        this.version = version;
        this.etag = etag;
        this.nextStart = from;
        this.end = end;
        this.partSize = reads.settings().partSize();
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
        if (current == null || pos == currentLength) {
            if (!advance()) {
                return -1;
            }
        }
        int n = Math.min(len, currentLength - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Moves to the next part, fetching ahead; false at the end of the object. */
    private boolean advance() throws IOException {
        if (current != null) {
            reads.unreserve(currentLength);
            current = null;
        }
        fetchAhead();
        Part p = ahead.poll();
        if (p == null) {
            return false;
        }
        try {
            current = p.data().get();
        } catch (InterruptedException e) {
            reads.unreserve(p.length());
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException | CancellationException e) {
            reads.unreserve(p.length());
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw c instanceof IOException io ? io : new IOException(c.getMessage(), c);
        }
        currentLength = p.length();
        pos = 0;
        fetchAhead();
        return true;
    }

    /** Starts part fetches up to the per-object window, as far as memory allows (waiting only when none is ahead). */
    private void fetchAhead() throws IOException {
        while (nextStart < end && ahead.size() < reads.aheadPerObject()) {
            int length = (int) Math.min(partSize, end - nextStart);
            if (!reads.reserve(length, ahead.isEmpty() && current == null)) {
                return;
            }
            long start = nextStart;
            ahead.add(new Part(start, length, reads.partPool().submit(() -> fetch(start, length))));
            nextStart += length;
        }
    }

    private byte[] fetch(long start, int length) throws IOException {
        byte[] buf = new byte[length];
        int filled = 0;
        int attempt = 0;
        reads.acquireRequest();
        try {
            while (filled < length) {
                if (closed) {
                    throw new IOException("closed");
                }
                int before = filled;
                SignedGets.Body in = null;
                try {
                    in = reads.get(bucket, key, version, etag, start + filled, start + length - 1, false);
                    int n;
                    while (filled < length && (n = in.read(buf, filled, length - filled)) > 0) {
                        filled += n;
                    }
                    if (filled < length) {
                        throw new IOException(
                                org.yunjian.exit.ExitTexts.get("exit.s3.closedEarly", start + filled, start + length));
                    }
                    in.close();
                } catch (IOException | RuntimeException e) {
                    if (in != null) {
                        in.abort();
                    }
                    attempt = reads.failed(e, filled > before ? 0 : attempt);
                }
            }
            return buf;
        } finally {
            reads.releaseRequest();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (current != null) {
            reads.unreserve(currentLength);
            current = null;
        }
        for (Part p : ahead) {
            p.data().cancel(true);
            reads.unreserve(p.length());
        }
        ahead.clear();
    }
}
