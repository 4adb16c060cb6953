package org.yunjian.exit.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Files or objects to inventory or verify, listed in canonical path order ({@code ManifestPaths.ORDER}),
 * grouped by path (a group has several members only for object versions).
 */
public interface Source extends Closeable {

    /** The next group of items sharing one path, or null at the end. */
    List<Item> nextGroup() throws IOException;

    /** Opens an item's content. */
    InputStream open(Item item) throws IOException;

    /**
     * Opens {@code length} bytes of an item's content from {@code offset} (a chunk). This default reads and
     * discards the bytes before {@code offset}; sources that can seek or ask for a range override it.
     */
    default InputStream open(Item item, long offset, long length) throws IOException {
        InputStream in = open(item);
        try {
            in.skipNBytes(offset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return Bounded.of(in, length);
    }

    /** Skips listing work where possible: the next groups returned are those after {@code path}. */
    default void skipThrough(String path) {}

    /** Threads worth reading this source with when {@code requested} are asked for. */
    default int threads(int requested) {
        return requested;
    }

    /** Files compared per task of a verification (many small local files share a task; the hand-over costs). */
    default int batchSize() {
        return 64;
    }

    @Override
    default void close() throws IOException {}

    /**
     * A listed item.
     *
     * @param error why it cannot be read (special file, link out of the tree, loop…) as a code of
     *              {@link org.yunjian.exit.FileEntry#error()}, else null
     */
    record Item(String path, String version, Boolean latest, long size, String error) implements java.io.Serializable {}

    /** At most {@code length} bytes of a stream; closing it closes the stream. */
    final class Bounded extends java.io.FilterInputStream {
        private long left;

        private Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        public static InputStream of(InputStream in, long length) {
            return new Bounded(in, length);
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** Opening an item failed for a reason with a code of {@link org.yunjian.exit.FileEntry#error()}. */
    final class Unreadable extends IOException {
        public Unreadable(String code) {
            super(code);
        }
    }
}
