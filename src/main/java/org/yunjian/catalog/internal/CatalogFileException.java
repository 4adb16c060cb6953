package org.yunjian.catalog.internal;

import org.yunjian.catalog.CatalogLoadException;

/** A problem at one place in one catalog file. */
final class CatalogFileException extends CatalogLoadException {

    CatalogFileException(String file, int line, String field, String problem) {
        super(file, line, field, problem);
    }
}
