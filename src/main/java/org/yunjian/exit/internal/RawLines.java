package org.yunjian.exit.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file line by line as raw bytes, so a digest can cover exactly the bytes on disk, and decodes each
 * line as strict UTF-8. Lines end with '\n' only; a final line without one is reported as unterminated.
 */
public final class RawLines implements Closeable {

    private static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long number;
    private boolean terminated = true;
    private byte[] bytes;

    public RawLines(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at end of file. */
    public boolean next() throws IOException {
        line.reset();
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
            line.write(buf, start, pos - start);
            if (line.size() > MAX_LINE) {
                throw new IOException("line " + (number + 1) + " is longer than " + MAX_LINE + " bytes");
            }
            if (end) {
                break;
            }
        }
        if (!any) {
            return false;
        }
        number++;
        bytes = line.toByteArray();
        terminated = bytes[bytes.length - 1] == '\n';
        return true;
    }

    /** The raw bytes of the current line, including its '\n' if present. */
    public byte[] bytes() {
        return bytes;
    }

    public boolean terminated() {
        return terminated;
    }

    public long number() {
        return number;
    }

    /** The current line as text, without its '\n'; throws on invalid UTF-8 or a carriage return. */
    public String text() throws CharacterCodingException {
        int len = terminated ? bytes.length - 1 : bytes.length;
        String s = utf8.decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        return s;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
