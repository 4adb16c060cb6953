package org.yunjian.exit;

import org.yunjian.exit.internal.ChunkDigests;
import org.yunjian.exit.internal.ManifestPaths;

/**
 * One file (or one object version) of the hand-over inventory, with the GB/T 31167 9.2 fields: path,
 * description, storage format, size, checksum and sensitivity. {@code error} is set (and {@code hash} is
 * null) when the file could not be read when the manifest was built.
 *
 * @param path       normalised relative path ({@link ManifestPaths})
 * @param version    object version id for versioned buckets, else null
 * @param latest     for versioned entries: whether this is the current version, else null
 * @param size       size in bytes, -1 if unknown
 * @param hash       lower-case hex checksum in the manifest's algorithm, null if unreadable
 * @param format     media type detected from the content (Apache Tika), may be null
 * @param sensitivity 敏感 or 公开
 * @param description free text, may be null
 * @param error      why the file was unreadable ({@link #SYMLINK_LOOP} …, see {@link #errorText}), else null
 * @param chunks     the digests of its fixed-size chunks (manifest version 2, files at or above the threshold), else null
 */
public record FileEntry(
        String path,
        String version,
        Boolean latest,
        long size,
        String hash,
        String format,
        Sensitivity sensitivity,
        String description,
        String error,
        ChunkDigests chunks)
        implements ManifestEntry, java.io.Serializable {

    /** An entry without chunk digests. */
    public FileEntry(
            String path,
            String version,
            Boolean latest,
            long size,
            String hash,
            String format,
            Sensitivity sensitivity,
            String description,
            String error) {
        this(path, version, latest, size, hash, format, sensitivity, description, error, null);
    }

    /** Codes of {@link #error()}: a symbolic link that leads back to a directory above it. */
    public static final String SYMLINK_LOOP = "symlinkLoop";
    /** A symbolic link whose target does not exist. */
    public static final String BROKEN_SYMLINK = "brokenSymlink";
    /** A symbolic link to something outside the tree. */
    public static final String SYMLINK_OUTSIDE = "symlinkOutside";
    /** A FIFO, socket or device. */
    public static final String SPECIAL_FILE = "specialFile";
    /** Neither a regular file nor a directory (found when opening it). */
    public static final String NOT_REGULAR_FILE = "notRegularFile";
    /** A directory that cannot be listed; the data is the operating system's reason. */
    public static final String UNLISTABLE_DIRECTORY = "unlistableDirectory";
    /** A file name that no manifest path can hold (a backslash, a control character). */
    public static final String INVALID_NAME = "invalidName";
    /** An object key that no manifest path can hold; the data is the key. */
    public static final String INVALID_KEY = "invalidKey";
    /** The file's size changed while it was read (it grew past the chunk threshold, or a chunk ended early). */
    public static final String CHANGED_WHILE_READ = "changedWhileRead";
    /** Reading failed; the data is the exception. */
    public static final String READ_FAILED = "readFailed";
    /** The bytes read disagree with the object store's own checksum of the object; the data names it. */
    public static final String STORE_CHECKSUM = "storeChecksum";

    public FileEntry {
        ManifestPaths.check(path);
        if (hash != null && !isHex64(hash)) {
            throw new InvalidInputException("exit.entry.badHash", path);
        }
        if (hash == null && error == null) {
            throw new InvalidInputException("exit.entry.noHash", path);
        }
        if (chunks != null && (hash == null || chunks.count() != ChunkDigests.count(size, chunks.chunkSize()))) {
            throw new InvalidInputException(
                    "exit.entry.chunkCount",
                    path,
                    ChunkDigests.count(Math.max(0, size), chunks.chunkSize()),
                    chunks.count());
        }
    }

    /** The same entry with these chunk digests. */
    public FileEntry withChunks(ChunkDigests c) {
        return new FileEntry(path, version, latest, size, hash, format, sensitivity, description, error, c);
    }

    private static boolean isHex64(String h) {
        if (h.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = h.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** An {@link #error()} value: the code, and the data if there is any. */
    public static String error(String code, String data) {
        return data == null ? code : code + ": " + data;
    }

    /** The text of an {@link #error()} value (an older manifest's English phrase is shown as it is). */
    public static ExitText errorText(String error) {
        return ExitText.ofCode("exit.unreadable.", error, data -> data);
    }

    public boolean readable() {
        return error == null;
    }

    /** The path plus the version id, if any: what identifies the entry. */
    public String key() {
        return version == null ? path : path + "?versionId=" + version;
    }
}
