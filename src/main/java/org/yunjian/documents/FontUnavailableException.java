package org.yunjian.documents;

import org.yunjian.shared.Msg;
import org.yunjian.shared.ProblemException;

/** No usable CJK TrueType font: PDFs would print Chinese as boxes, so none is produced. The text is a bundle message. */
public final class FontUnavailableException extends ProblemException {

    FontUnavailableException(String key, Object... args) {
        super(503, "font-unavailable", Msg.of(key, args));
    }

    FontUnavailableException(Throwable cause, String key, Object... args) {
        super(503, "font-unavailable", Msg.of(key, args), cause);
    }
}
