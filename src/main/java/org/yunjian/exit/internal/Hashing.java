package org.yunjian.exit.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;
import org.yunjian.crypto.Hex;
import org.yunjian.exit.FileEntry;
import org.yunjian.exit.HashAlgorithm;

/** Reads an item once: checksum, size and (optionally) the storage format detected from the first bytes. */
public final class Hashing {

    private static final int BUFFER = 256 * 1024;
    private static final int SNIFF = 8 * 1024;
    private static volatile MimeTypes mimeTypes;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    private Hashing() {}

    /**
     * Result of reading one item; {@code error} set when it could not be read; {@code chunks} the digests of its
     * chunks when they were asked for and the item is at least the threshold, else null.
     */
    public record Hashed(Source.Item item, String hash, long size, String format, String error, ChunkDigests chunks) {
        public Hashed(Source.Item item, String hash, long size, String format, String error) {
            this(item, hash, size, format, error, null);
        }
    }

    public static Hashed hash(Source source, Source.Item item, HashAlgorithm algorithm, boolean detectFormat) {
        return hash(source, item, algorithm, detectFormat, 0, 0);
    }

    /**
     * Reads the item once; with {@code chunkSize > 0} also the digest of every chunk of {@code chunkSize} bytes, kept
     * when the item has at least {@code chunkThreshold} bytes.
     */
    public static Hashed hash(
            Source source,
            Source.Item item,
            HashAlgorithm algorithm,
            boolean detectFormat,
            long chunkSize,
            long chunkThreshold) {
        if (item.error() != null) {
            return new Hashed(item, null, item.size(), null, item.error());
        }
        HashAlgorithm.Hasher h = algorithm.newHasher();
        // chunk digests cost a second hash of every byte: only for items listed at or above the threshold
        boolean chunked = chunkSize > 0 && (item.size() < 0 || item.size() >= chunkThreshold);
        HashAlgorithm.Hasher c = chunked ? algorithm.newHasher() : null;
        java.io.ByteArrayOutputStream chunkDigests = chunked ? new java.io.ByteArrayOutputStream() : null;
        long inChunk = 0;
        byte[] buf = BUFFERS.get();
        long size = 0;
        byte[] head = null;
        try (InputStream in = source.open(item)) {
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                if (head == null && detectFormat) {
                    head = java.util.Arrays.copyOf(buf, Math.min(n, SNIFF));
                }
                h.update(buf, 0, n);
                size += n;
                if (c != null) {
                    int off = 0;
                    while (off < n) {
                        int take = (int) Math.min(n - off, chunkSize - inChunk);
                        c.update(buf, off, take);
                        off += take;
                        inChunk += take;
                        if (inChunk == chunkSize) {
                            chunkDigests.writeBytes(c.finish());
                            c = algorithm.newHasher();
                            inChunk = 0;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Hashed(
                    item,
                    null,
                    -1,
                    null,
                    e instanceof Source.Unreadable
                            ? e.getMessage()
                            : FileEntry.error(FileEntry.READ_FAILED, describe(e)));
        }
        if (c != null && inChunk > 0) {
            chunkDigests.writeBytes(c.finish());
        }
        String format = detectFormat ? detect(head == null ? new byte[0] : head, item.path()) : null;
        if (chunkSize > 0 && size >= chunkThreshold && !chunked) {
            return new Hashed(item, null, -1, null, FileEntry.CHANGED_WHILE_READ);
        }
        ChunkDigests chunks =
                chunked && size >= chunkThreshold ? ChunkDigests.ofBytes(chunkSize, chunkDigests.toByteArray()) : null;
        return new Hashed(item, Hex.encode(h.finish()), size, format, null, chunks);
    }

    public static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Media type from the content's magic bytes, refined by the file name; application/octet-stream if unknown. */
    public static String detect(byte[] head, String name) {
        MimeTypes types = mimeTypes;
        if (types == null) {
            types = MimeTypes.getDefaultMimeTypes();
            mimeTypes = types;
        }
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.substring(name.lastIndexOf('/') + 1));
        try {
            return types.detect(new ByteArrayInputStream(head), md).toString();
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
