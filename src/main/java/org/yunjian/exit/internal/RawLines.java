package org.yunjian.exit.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.yunjian.exit.ManifestException;

/**
 * Reads a file line by line as raw bytes, so a digest can cover exactly the bytes on disk, and decodes each
 * line as strict UTF-8. Lines end with '\n' only; a final line without one is reported as unterminated.
 * One line buffer is reused: a manifest of millions of lines allocates little more than its strings.
 */
public final class RawLines implements Closeable {

    private static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[512];
    private int length;
    private long number;
    private boolean terminated = true;

    public RawLines(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at end of file. */
    public boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            boolean end = pos < limit;
            if (end) {
                pos++;
            }
            append(start, pos - start);
            if (end) {
                break;
            }
        }
        if (!any) {
            return false;
        }
        number++;
        terminated = line[length - 1] == '\n';
        return true;
    }

    private void append(int start, int n) throws IOException {
        if (length + n > MAX_LINE) {
            throw new ManifestException("exit.lines.tooLong", number + 1, MAX_LINE);
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE + 1, Math.max(2 * line.length, length + n)));
        }
        System.arraycopy(buf, start, line, length, n);
        length += n;
    }

    /** A copy of the raw bytes of the current line, including its '\n' if present. */
    public byte[] bytes() {
        return Arrays.copyOf(line, length);
    }

    /** The raw bytes of the current line are {@code array()[0 .. length())}; the array is reused by the next line. */
    public byte[] array() {
        return line;
    }

    public int length() {
        return length;
    }

    public boolean terminated() {
        return terminated;
    }

    public long number() {
        return number;
    }

    /** Whether the current line (without its '\n') is well-formed UTF-8. */
    public boolean wellFormed() {
        return malformedAt(line, terminated ? length - 1 : length) < 0;
    }

    /** The current line as text, without its '\n'; throws on invalid UTF-8. */
    public String text() throws CharacterCodingException {
        int len = terminated ? length - 1 : length;
        int bad = malformedAt(line, len);
        if (bad >= 0) {
            throw new MalformedInputException(bad + 1);
        }
        return new String(line, 0, len, StandardCharsets.UTF_8);
    }

    /**
     * The offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
     * nothing above U+10FFFF), or -1.
     */
    static int malformedAt(byte[] b, int len) {
        int i = 0;
        while (i < len) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xff;
            int need;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + need >= len) {
                return i;
            }
            int cp = c & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                int d = b[i + k] & 0xff;
                if ((d & 0xc0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (d & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
