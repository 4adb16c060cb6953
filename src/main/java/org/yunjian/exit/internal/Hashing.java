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

    private Hashing() {
    }

    /** Result of reading one item; {@code error} set when it could not be read. */
    public record Hashed(Source.Item item, String hash, long size, String format, String error) {
    }

    public static Hashed hash(Source source, Source.Item item, HashAlgorithm algorithm, boolean detectFormat) {
        if (item.error() != null) {
            return new Hashed(item, null, item.size(), null, item.error());
        }
        HashAlgorithm.Hasher h = algorithm.newHasher();
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
            }
        } catch (IOException | RuntimeException e) {
            return new Hashed(item, null, -1, null, e instanceof Source.Unreadable ? e.getMessage()
                    : FileEntry.error(FileEntry.READ_FAILED, describe(e)));
        }
        String format = detectFormat ? detect(head == null ? new byte[0] : head, item.path()) : null;
        return new Hashed(item, Hex.encode(h.finish()), size, format, null);
    }

    static String describe(Exception e) {
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
