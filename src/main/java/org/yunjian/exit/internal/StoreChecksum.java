package org.yunjian.exit.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.yunjian.exit.FileEntry;

/**
 * The checksums an object store keeps of a whole object, checked against the bytes read as they stream past: an
 * extra, fast cross-check of the transfer, never a substitute for the manifest's signed SM3/SHA-256. Understood:
 * S3's additional checksums of the full object ({@code x-amz-checksum-crc32}, {@code -crc32c}, {@code -crc64nvme},
 * {@code -sha256}; composite multipart values, {@code …-N}, describe parts and are skipped) and the CRC-64/ECMA-182
 * of Aliyun OSS and Tencent COS ({@code x-oss-hash-crc64ecma}, {@code x-cos-hash-crc64ecma}). No header, no check.
 */
public final class StoreChecksum {

    /** Error code of an object whose bytes disagree with the store's own checksum; the data names the header. */
    public static final String MISMATCH = FileEntry.STORE_CHECKSUM;

    private final String header;
    private final String expected;
    private final Object state;
    private final Function<Object, String> render;

    private StoreChecksum(String header, String expected, Object state, Function<Object, String> render) {
        this.header = header;
        this.expected = expected;
        this.state = state;
        this.render = render;
    }

    /** The checksums announced by response headers (looked up case-insensitively by {@code headers}). */
    public static List<StoreChecksum> from(Function<String, Optional<String>> headers) {
        List<StoreChecksum> out = new ArrayList<>();
        boolean composite = headers.apply("x-amz-checksum-type")
                .map("COMPOSITE"::equalsIgnoreCase)
                .orElse(false);
        if (!composite) {
            amz(headers, "x-amz-checksum-crc32", new CRC32(), out);
            amz(headers, "x-amz-checksum-crc32c", new CRC32C(), out);
            amz(headers, "x-amz-checksum-crc64nvme", Crc64.nvme(), out);
            headers.apply("x-amz-checksum-sha256").filter(v -> !v.contains("-")).ifPresent(v -> {
                try {
                    out.add(new StoreChecksum(
                            "x-amz-checksum-sha256",
                            v.strip(),
                            MessageDigest.getInstance("SHA-256"),
                            s -> Base64.getEncoder().encodeToString(((MessageDigest) s).digest())));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (String h : List.of("x-oss-hash-crc64ecma", "x-cos-hash-crc64ecma")) {
            headers.apply(h)
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .ifPresent(v -> out.add(new StoreChecksum(
                            h, v, Crc64.ecma182(), s -> Long.toUnsignedString(((Checksum) s).getValue()))));
        }
        return out;
    }

    private static void amz(
            Function<String, Optional<String>> headers, String name, Checksum c, List<StoreChecksum> out) {
        headers.apply(name)
                .map(String::strip)
                .filter(v -> !v.isEmpty() && !v.contains("-"))
                .ifPresent(v -> out.add(new StoreChecksum(name, v, c, s -> {
                    Checksum k = (Checksum) s;
                    ByteBuffer b = k instanceof Crc64
                            ? ByteBuffer.allocate(8).putLong(k.getValue())
                            : ByteBuffer.allocate(4).putInt((int) k.getValue());
                    return Base64.getEncoder().encodeToString(b.array());
                })));
    }

    void update(byte[] b, int off, int len) {
        if (state instanceof Checksum c) {
            c.update(b, off, len);
        } else {
            ((MessageDigest) state).update(b, off, len);
        }
    }

    /** Null when the bytes match, else the error value naming the header, the store's value and the one computed. */
    String mismatch() {
        String actual = render.apply(state);
        return actual.equals(expected)
                ? null
                : FileEntry.error(MISMATCH, header + " " + expected + " \u2260 " + actual);
    }

    /** {@code in} checked against {@code sums} when it reaches its end; a mismatch is thrown as unreadable. */
    public static InputStream checked(InputStream in, List<StoreChecksum> sums) {
        if (sums.isEmpty()) {
            return in;
        }
        return new FilterInputStream(in) {
            private boolean checked;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    for (StoreChecksum s : sums) {
                        s.update(b, off, n);
                    }
                } else if (n < 0 && !checked) {
                    checked = true;
                    for (StoreChecksum s : sums) {
                        String m = s.mismatch();
                        if (m != null) {
                            throw new Source.Unreadable(m);
                        }
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] buf = new byte[8192]; // skipped bytes are still part of the object's checksum
                long done = 0;
                int k;
                while (done < n && (k = read(buf, 0, (int) Math.min(buf.length, n - done))) > 0) {
                    done += k;
                }
                return done;
            }
        };
    }
}
