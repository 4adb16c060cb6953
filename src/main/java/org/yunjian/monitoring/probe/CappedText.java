package org.yunjian.monitoring.probe;

import java.io.Writer;

/**
 * Text gathered from a document up to a cap: beyond it the writer stops the parser ({@link Full}), so a document of
 * millions of pages costs no more memory than the cap.
 */
final class CappedText extends Writer {

    /** Thrown through the parser when the cap is reached; carries no stack trace, it is an expected end. */
    static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super(null, null, false, false);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final int cap;
    private boolean truncated;

    CappedText(int cap) {
        this.cap = cap;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        append(new String(chars, off, len));
    }

    @Override
    public Writer append(CharSequence chars) {
        int room = cap - text.length();
        if (chars.length() > room) {
            text.append(chars, 0, room);
            truncated = true;
            throw new Full();
        }
        text.append(chars);
        return this;
    }

    @Override
    public void write(String s) {
        append(s);
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing to release
    }

    boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
