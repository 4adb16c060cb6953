package org.yunjian.shared;

import org.apache.tika.Tika;

/**
 * A file's type from its bytes alone (Apache Tika's magic detection: no parsing, the file name never asked). One
 * detector for the whole application, made on first use: Tika reads its configuration and its table of some 1,500
 * types when made (≈ 0.15 CPU-seconds), which a start that detects nothing — every CLI command, most server starts —
 * need not pay (docs/performance.md).
 */
public final class ContentSniffing {

    private ContentSniffing() {}

    /** The media type Tika detects in {@code bytes}, e.g. {@code application/pdf}; never null. */
    public static String detect(byte[] bytes) {
        return Holder.TIKA.detect(bytes);
    }

    private static final class Holder {
        static final Tika TIKA = new Tika();
    }
}
