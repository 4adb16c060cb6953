package org.yunjian.exit;

import java.time.Instant;

/**
 * The first line of a manifest.
 *
 * @param version   format version, {@value #VERSION}
 * @param algorithm file checksum algorithm
 * @param root      what was inventoried: a directory or {@code s3://bucket/prefix}
 * @param created   when the manifest was built
 * @param tool      the program that built it
 * @param allVersions whether every object version was recorded
 * @param chunkSize   version 2: bytes of a chunk whose digest is recorded; 0 in version 1
 * @param chunkThreshold version 2: files of at least this many bytes have chunk digests; 0 in version 1
 */
public record ManifestHeader(
        int version,
        HashAlgorithm algorithm,
        String root,
        Instant created,
        String tool,
        boolean allVersions,
        long chunkSize,
        long chunkThreshold) {
    /** The version written with chunk digests. */
    public static final int VERSION = 2;
    /** The version without chunk digests (still written with {@code --no-chunks}, and read). */
    public static final int VERSION_1 = 1;
    /** Default chunk size: 64 MiB. */
    public static final long DEFAULT_CHUNK_SIZE = 64L << 20;
    /** Default threshold: files of 256 MiB and more get chunk digests. */
    public static final long DEFAULT_CHUNK_THRESHOLD = 256L << 20;
    /** The smallest chunk size: 1 MiB (smaller chunks cost more in manifest lines and seeks than they save). */
    public static final long MIN_CHUNK_SIZE = 1L << 20;
    /** The largest chunk size: 16 GiB. */
    public static final long MAX_CHUNK_SIZE = 16L << 30;
    /** The most chunks one file may have (16 Mi: 512 MiB of digests in memory while it is verified). */
    public static final long MAX_CHUNKS = 1L << 24;

    public ManifestHeader {
        if (version == VERSION) {
            checkChunking(chunkSize, chunkThreshold);
        } else if (chunkSize != 0 || chunkThreshold != 0) {
            throw new InvalidInputException("exit.chunk.version1");
        }
    }

    /** A version 1 header (no chunk digests). */
    public ManifestHeader(
            int version, HashAlgorithm algorithm, String root, Instant created, String tool, boolean allVersions) {
        this(version, algorithm, root, created, tool, allVersions, 0, 0);
    }

    /** Whether files of {@code size} bytes (readable) carry chunk digests under this header. */
    public boolean chunked(long size) {
        return version == VERSION && size >= chunkThreshold;
    }

    /**
     * A byte count as written on a command line: digits with an optional binary suffix {@code K}, {@code M}, {@code G},
     * {@code T} (also {@code KiB}, {@code MB} …, all powers of 1024); a leading {@code -} is kept so that the caller
     * can name a negative size as such. Anything else is refused by name.
     */
    public static long parseByteCount(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(-?[0-9]{1,19})\\s*(?:([KMGTkmgt])(?:i?[Bb])?|[Bb])?")
                .matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidInputException("exit.chunk.unparsable", String.valueOf(text));
        }
        try {
            long n = Long.parseLong(m.group(1));
            int shift = m.group(2) == null
                    ? 0
                    : 10 * ("KMGT".indexOf(Character.toUpperCase(m.group(2).charAt(0))) + 1);
            if (Math.abs(n) > (Long.MAX_VALUE >> shift)) {
                throw new InvalidInputException("exit.chunk.unparsable", text);
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("exit.chunk.unparsable", text);
        }
    }

    /** Refuses a chunk size or threshold out of bounds, naming the problem. */
    public static void checkChunking(long chunkSize, long chunkThreshold) {
        if (chunkSize <= 0) {
            throw new InvalidInputException("exit.chunk.sizeNotPositive", String.valueOf(chunkSize));
        }
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new InvalidInputException(
                    "exit.chunk.sizeOutOfRange", String.valueOf(chunkSize), MIN_CHUNK_SIZE, MAX_CHUNK_SIZE);
        }
        if (chunkThreshold < chunkSize) {
            throw new InvalidInputException(
                    "exit.chunk.thresholdBelowSize", String.valueOf(chunkThreshold), String.valueOf(chunkSize));
        }
    }

    public static final String FORMAT = "yunjian-exit-manifest";
    public static final String TOOL = "yunjian 0.1.0";
}
