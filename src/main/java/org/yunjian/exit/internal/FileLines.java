package org.yunjian.exit.internal;

import java.nio.charset.StandardCharsets;

/**
 * A fast path for the file lines of a manifest in the form {@code exit.ManifestWriter} writes them: no
 * whitespace, no escapes, the known keys once each, string / integer / boolean values. Such a line is read
 * straight from its UTF-8 bytes, without building a map; anything else — including every malformed line —
 * returns null and goes to the strict general parser ({@link Json#parse}), which names the problem (so does a
 * line without a path or a sensitivity). For the lines it accepts the result is what the general parser gives.
 */
public final class FileLines {

    private static final byte[] PREFIX = "{\"type\":\"file\",".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_SAFE = (Long.MAX_VALUE - 9) / 10;

    private FileLines() {}

    /** The raw values of a file line; absent keys are null ({@code size} -1). */
    public record Fields(
            String path,
            String version,
            Boolean latest,
            long size,
            String hash,
            String format,
            String sensitivity,
            String description,
            String error) {}

    /**
     * Parses {@code b[0 .. len)} (without the newline; well-formed UTF-8), or returns null when the line is
     * not a plain file line.
     */
    public static Fields parse(byte[] b, int len) {
        if (len < PREFIX.length + 2 || b[len - 1] != '}') {
            return null;
        }
        for (int k = 0; k < PREFIX.length; k++) {
            if (b[k] != PREFIX[k]) {
                return null;
            }
        }
        String[] text = new String[KEYS.length]; // the string values, by key
        Boolean latest = null;
        long size = -1;
        boolean sizeSeen = false;
        int i = PREFIX.length;
        while (true) {
            // key
            if (b[i] != '"') {
                return null;
            }
            int ks = ++i;
            while (i < len && b[i] >= 'a' && b[i] <= 'z') {
                i++;
            }
            int key = keyOf(b, ks, i - ks);
            if (key < 0 || i + 2 >= len || b[i] != '"' || b[i + 1] != ':') {
                return null;
            }
            i += 2;
            // value
            byte c = b[i];
            if (c == '"') {
                if (key == LATEST || key == SIZE) {
                    return null;
                }
                int vs = ++i;
                while (i < len && b[i] != '"') {
                    if (b[i] == '\\' || (b[i] >= 0 && b[i] < 0x20)) {
                        return null;
                    }
                    i++;
                }
                if (i >= len) {
                    return null;
                }
                if (text[key] != null) {
                    return null; // a duplicate key: the general parser names it
                }
                text[key] = new String(b, vs, i - vs, StandardCharsets.UTF_8);
                i++;
            } else if (c >= '0' && c <= '9') {
                if (key != SIZE || sizeSeen || (c == '0' && i + 1 < len && b[i + 1] >= '0' && b[i + 1] <= '9')) {
                    return null;
                }
                long v = 0;
                while (i < len && b[i] >= '0' && b[i] <= '9') {
                    if (v > MAX_SAFE) {
                        return null;
                    }
                    v = v * 10 + (b[i++] - '0');
                }
                size = v;
                sizeSeen = true;
            } else if (key == LATEST && latest == null && startsWith(b, i, len, TRUE)) {
                latest = Boolean.TRUE;
                i += TRUE.length;
            } else if (key == LATEST && latest == null && startsWith(b, i, len, FALSE)) {
                latest = Boolean.FALSE;
                i += FALSE.length;
            } else {
                return null;
            }
            if (i >= len) {
                return null;
            }
            if (b[i] == '}') {
                return i == len - 1 && text[PATH] != null && text[SENSITIVITY] != null
                        ? new Fields(
                                text[PATH],
                                text[VERSION],
                                latest,
                                size,
                                text[HASH],
                                text[FORMAT],
                                text[SENSITIVITY],
                                text[DESCRIPTION],
                                text[ERROR])
                        : null;
            }
            if (b[i] != ',' || ++i >= len) {
                return null;
            }
        }
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private static boolean startsWith(byte[] b, int i, int len, byte[] word) {
        if (i + word.length > len) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (b[i + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    private static final int PATH = 0;
    private static final int VERSION = 1;
    private static final int LATEST = 2;
    private static final int SIZE = 3;
    private static final int HASH = 4;
    private static final int FORMAT = 5;
    private static final int SENSITIVITY = 6;
    private static final int DESCRIPTION = 7;
    private static final int ERROR = 8;
    private static final byte[][] KEYS = {
        "path".getBytes(StandardCharsets.US_ASCII),
        "version".getBytes(StandardCharsets.US_ASCII),
        "latest".getBytes(StandardCharsets.US_ASCII),
        "size".getBytes(StandardCharsets.US_ASCII),
        "hash".getBytes(StandardCharsets.US_ASCII),
        "format".getBytes(StandardCharsets.US_ASCII),
        "sensitivity".getBytes(StandardCharsets.US_ASCII),
        "description".getBytes(StandardCharsets.US_ASCII),
        "error".getBytes(StandardCharsets.US_ASCII)
    };

    private static int keyOf(byte[] b, int start, int n) {
        for (int k = 0; k < KEYS.length; k++) {
            byte[] key = KEYS[k];
            if (key.length == n && startsWith(b, start, start + n, key)) {
                return k;
            }
        }
        return -1;
    }
}
