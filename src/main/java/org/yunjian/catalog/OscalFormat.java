package org.yunjian.catalog;

/** Serialisations of an OSCAL catalog. */
public enum OscalFormat {
    JSON("application/json", "json"),
    XML("application/xml", "xml");

    private final String mediaType;
    private final String extension;

    OscalFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** JSON or XML by the document's first non-blank character ({@code {} or {@code <}), else null. */
    public static OscalFormat sniff(byte[] content) {
        for (byte b : content) {
            if (b == '{') {
                return JSON;
            }
            if (b == '<') {
                return XML;
            }
            if (!(b == ' '
                    || b == '\n'
                    || b == '\r'
                    || b == '\t'
                    || b == (byte) 0xEF
                    || b == (byte) 0xBB
                    || b == (byte) 0xBF)) {
                return null;
            }
        }
        return null;
    }
}
