package org.yunjian.catalog.internal;

import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.shared.Msg;

/** A problem at one place in one catalog file. */
final class CatalogFileException extends CatalogLoadException {

    CatalogFileException(String file, int line, String field, Msg problem) {
        super(file, line, field, problem);
    }

    /** The problem {@code catalog.error.<key>} with {@code args}. */
    CatalogFileException(String file, int line, String field, String key, Object... args) {
        super(file, line, field, Msg.of("catalog.error." + key, args));
    }
}
