package org.yunjian.documents;

/** No usable CJK TrueType font: PDFs would print Chinese as boxes, so none is produced. */
public final class FontUnavailableException extends RuntimeException {

    FontUnavailableException(String message) {
        super(message);
    }

    FontUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
