package org.yunjian.exit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.yunjian.crypto.Hex;
import org.yunjian.exit.FileEntry;
import org.yunjian.exit.Finding;
import org.yunjian.exit.HashAlgorithm;
import org.yunjian.exit.Verification;

/**
 * One fixed-size chunk of a file recorded with chunk digests (manifest format version 2): the unit of parallel
 * verification, across the cores of one process ({@link Verification}) or the executors of a cluster. Hashing a
 * chunk reads only its byte range.
 *
 * @param path     the file's manifest path
 * @param version  its object version id, or null
 * @param index    the chunk's number, from 0
 * @param offset   its first byte
 * @param length   its length in bytes (the last chunk may be shorter than the chunk size)
 * @param expected the manifest's digest of the chunk, lower-case hex
 */
public record Chunk(String path, String version, int index, long offset, long length, String expected)
        implements java.io.Serializable {

    public Chunk {
        if (index < 0 || offset < 0 || length <= 0) {
            throw new IllegalArgumentException(
                    "chunk " + index + " of " + path + ": bad range " + offset + "+" + length);
        }
    }

    /** The chunks of an entry recorded with chunk digests (none for an entry without). */
    public static List<Chunk> of(FileEntry e) {
        ChunkDigests d = e.chunks();
        if (d == null) {
            return List.of();
        }
        List<Chunk> all = new ArrayList<>(d.count());
        for (int i = 0; i < d.count(); i++) {
            long offset = i * d.chunkSize();
            all.add(new Chunk(e.path(), e.version(), i, offset, Math.min(d.chunkSize(), e.size() - offset), d.hex(i)));
        }
        return all;
    }

    /** The last byte of the range (inclusive). */
    public long end() {
        return offset + length - 1;
    }

    /** The byte range as a finding names it: {@code <first>-<last>}, inclusive, from 0. */
    public String range() {
        return offset + "-" + end();
    }

    /** The digest of the chunk's bytes read from {@code source} (a ranged read: a file seek, an HTTP Range GET). */
    public String hash(Source source, HashAlgorithm algorithm) throws IOException {
        try (InputStream in = source.open(new Source.Item(path, version, null, -1, null), offset, length)) {
            return hash(in, length, algorithm);
        }
    }

    /**
     * The digest of exactly {@code length} bytes read from {@code in} (positioned at the chunk's first byte); fewer
     * bytes is a {@link Source.Unreadable} {@link FileEntry#CHANGED_WHILE_READ} (the file shrank).
     */
    public static String hash(InputStream in, long length, HashAlgorithm algorithm) throws IOException {
        HashAlgorithm.Hasher h = algorithm.newHasher();
        byte[] buf = BUFFERS.get();
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new Source.Unreadable(FileEntry.CHANGED_WHILE_READ);
            }
            h.update(buf, 0, n);
            left -= n;
        }
        return Hex.encode(h.finish());
    }

    /** Whether {@code actual} is the expected digest. */
    public boolean matches(String actual) {
        return java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                actual.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The finding for this chunk holding {@code actual} instead: HASH_MISMATCH naming the byte range. */
    public Finding finding(String key, String actual) {
        return new Finding(
                Finding.Kind.HASH_MISMATCH, key, expected, actual, Finding.detail(Finding.CHUNK_DIFFERS, range()));
    }

    /**
     * The outcome of hashing one chunk: its digest, or why it could not be read (a code of {@link FileEntry#error()}).
     * A file's finding is that of its first chunk, in file order, whose {@link #finding} is not null; none means OK.
     */
    public record Result(Chunk chunk, String actual, String error) implements java.io.Serializable {
        /** Hashes the chunk from {@code source}; a failure to read becomes the result's {@code error}. */
        public static Result of(Chunk chunk, Source source, HashAlgorithm algorithm) {
            try {
                return new Result(chunk, chunk.hash(source, algorithm), null);
            } catch (IOException | RuntimeException e) {
                return new Result(
                        chunk,
                        null,
                        e instanceof Source.Unreadable
                                ? e.getMessage()
                                : FileEntry.error(
                                        FileEntry.READ_FAILED, org.yunjian.exit.internal.Hashing.describe(e)));
            }
        }

        /** UNREADABLE, HASH_MISMATCH ({@code chunkDiffers}) or null when the chunk is intact; {@code key} names the file. */
        public Finding finding(String key) {
            if (error != null) {
                return new Finding(Finding.Kind.UNREADABLE, key, null, null, Finding.detail(Finding.UNREADABLE, error));
            }
            return chunk.matches(actual) ? null : chunk.finding(key, actual);
        }
    }

    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[256 * 1024]);
}
