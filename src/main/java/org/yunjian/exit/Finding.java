package org.yunjian.exit;

/**
 * One difference between the manifest and the data.
 *
 * @param kind     what is wrong
 * @param path     the file's path (with {@code ?versionId=} for object versions)
 * @param expected the manifest's value (size or checksum), may be null
 * @param actual   the value found, may be null
 * @param detail   why, as a stable code ({@link #NO_SUCH_FILE} …), followed by {@code ": "} and data where there is
 *                 any (the error of an unreadable file, see {@link FileEntry#error()}); {@link #text()} renders it.
 *                 May be null
 */
public record Finding(Kind kind, String path, String expected, String actual, String detail)
        implements java.io.Serializable {

    /** Codes of {@link #detail()}: a manifest entry with no file. */
    public static final String NO_SUCH_FILE = "noSuchFile";
    /** A manifest entry of an object version the bucket no longer holds. */
    public static final String NO_SUCH_VERSION = "noSuchVersion";
    /** A file with no manifest entry. */
    public static final String NOT_IN_MANIFEST = "notInManifest";
    /** A file with no manifest entry that cannot be read either; the data is why. */
    public static final String NOT_IN_MANIFEST_UNREADABLE = "notInManifestUnreadable";
    /** Another size than the manifest's. */
    public static final String SIZE_DIFFERS = "sizeDiffers";
    /** Another checksum; the data is the algorithm. */
    public static final String HASH_DIFFERS = "hashDiffers";
    /**
     * Same size, a chunk with another digest (a file recorded with chunk digests); the data is the first such chunk's
     * byte range {@code <first>-<last>} (inclusive, from 0), and {@code expected} / {@code actual} are its digests.
     */
    public static final String CHUNK_DIFFERS = "chunkDiffers";
    /** The file could not be read when the manifest was built; the data is why. */
    public static final String UNREADABLE_WHEN_BUILT = "unreadableWhenBuilt";
    /** The file cannot be read now; the data is why. */
    public static final String UNREADABLE = "unreadable";

    public enum Kind {
        MISSING,
        EXTRA,
        SIZE_MISMATCH,
        HASH_MISMATCH,
        UNREADABLE
    }

    /** A {@link #detail()} value: the code, and the data if there is any. */
    public static String detail(String code, String data) {
        return FileEntry.error(code, data);
    }

    /** Why, in words (a report of an older version holds an English sentence, shown as it is); null without a detail. */
    public ExitText text() {
        return ExitText.ofCode("exit.finding.", detail, FileEntry::errorText);
    }
}
