package org.yunjian.exit.internal;

import java.util.Arrays;
import org.yunjian.crypto.Hex;
import org.yunjian.exit.InvalidInputException;

/**
 * The digests of a file's fixed-size chunks (manifest format version 2): chunk {@code i} covers bytes
 * {@code [i * chunkSize, min((i + 1) * chunkSize, size))} and its digest is in the manifest's algorithm (32 bytes
 * for SM3 and SHA-256). Held compactly (32 bytes a chunk: a 5 TB file at 64 MiB chunks takes 2.6 MB); immutable.
 */
public final class ChunkDigests implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Bytes of one digest (SM3 and SHA-256 both). */
    public static final int DIGEST_BYTES = 32;

    private final long chunkSize;
    private final byte[] digests;

    private ChunkDigests(long chunkSize, byte[] digests) {
        this.chunkSize = chunkSize;
        this.digests = digests;
    }

    /** From lower-case hex digests in chunk order. */
    public static ChunkDigests ofHex(long chunkSize, java.util.List<String> hex) {
        byte[] all = new byte[hex.size() * DIGEST_BYTES];
        for (int i = 0; i < hex.size(); i++) {
            byte[] d = Hex.decode(hex.get(i));
            if (d.length != DIGEST_BYTES) {
                throw new InvalidInputException("exit.chunk.digestLength", DIGEST_BYTES);
            }
            System.arraycopy(d, 0, all, i * DIGEST_BYTES, DIGEST_BYTES);
        }
        return new ChunkDigests(chunkSize, all);
    }

    /** From the concatenated raw digests in chunk order (copied). */
    public static ChunkDigests ofBytes(long chunkSize, byte[] concatenated) {
        if (concatenated.length % DIGEST_BYTES != 0) {
            throw new InvalidInputException("exit.chunk.digestLength", DIGEST_BYTES);
        }
        return new ChunkDigests(chunkSize, concatenated.clone());
    }

    public long chunkSize() {
        return chunkSize;
    }

    /** The number of chunks. */
    public int count() {
        return digests.length / DIGEST_BYTES;
    }

    /** The lower-case hex digest of chunk {@code index}. */
    public String hex(int index) {
        return Hex.encode(Arrays.copyOfRange(digests, index * DIGEST_BYTES, (index + 1) * DIGEST_BYTES));
    }

    /** How many chunks of {@code chunkSize} bytes a file of {@code size} bytes has (a last, shorter one included). */
    public static long count(long size, long chunkSize) {
        return size <= 0 ? 0 : (size - 1) / chunkSize + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkDigests c && c.chunkSize == chunkSize && Arrays.equals(c.digests, digests);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(chunkSize) + Arrays.hashCode(digests);
    }

    @Override
    public String toString() {
        return "ChunkDigests[" + count() + " of " + chunkSize + " bytes]";
    }
}
