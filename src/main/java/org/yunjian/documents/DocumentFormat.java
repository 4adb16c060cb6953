package org.yunjian.documents;

import java.util.Optional;

/**
 * The formats a document for people is written in — Word (DOCX) and PDF — with the media type it is sent under and
 * the extension of its file. Shared by the reports that are written in both (the assessment report, the monthly
 * 安全运行报告); a module adds its own formats around them (the report module's OSCAL results).
 */
public enum DocumentFormat {
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** {@code docx} or {@code pdf}, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format whose extension is {@code text} (either case, spaces around), if any. */
    public static Optional<DocumentFormat> ofExtension(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (DocumentFormat f : values()) {
            if (f.extension.equalsIgnoreCase(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
