package org.yunjian.exit;

/**
 * One difference between the manifest and the data.
 *
 * @param kind     what is wrong
 * @param path     the file's path (with {@code ?versionId=} for object versions)
 * @param expected the manifest's value (size or checksum), may be null
 * @param actual   the value found, may be null
 * @param detail   a human-readable explanation, may be null
 */
public record Finding(Kind kind, String path, String expected, String actual, String detail) {

    public enum Kind {
        MISSING, EXTRA, SIZE_MISMATCH, HASH_MISMATCH, UNREADABLE
    }
}
