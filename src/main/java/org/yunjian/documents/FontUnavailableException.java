package org.yunjian.documents;

import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.Msg;

/** No usable CJK TrueType font: PDFs would print Chinese as boxes, so none is produced. The text is a bundle message. */
public final class FontUnavailableException extends LocalizedException {

    FontUnavailableException(String key, Object... args) {
        super(Msg.of(key, args), null);
    }

    FontUnavailableException(Throwable cause, String key, Object... args) {
        super(Msg.of(key, args), cause);
    }
}
