package org.yunjian.exit;

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
 * @param error      why the file was unreadable, else null
 */
public record FileEntry(String path, String version, Boolean latest, long size, String hash, String format,
                        Sensitivity sensitivity, String description, String error) implements ManifestEntry {

    public FileEntry {
        ManifestPaths.check(path);
        if (hash != null && !isHex64(hash)) {
            throw new IllegalArgumentException("checksum of '" + path + "' is not 64 lower-case hex digits");
        }
        if (hash == null && error == null) {
            throw new IllegalArgumentException("entry '" + path + "' has neither a checksum nor an error");
        }
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

    public boolean readable() {
        return error == null;
    }

    /** The path plus the version id, if any: what identifies the entry. */
    public String key() {
        return version == null ? path : path + "?versionId=" + version;
    }
}
