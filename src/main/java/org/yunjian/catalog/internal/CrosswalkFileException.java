package org.yunjian.catalog.internal;

import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.shared.Msg;

/** The crosswalk file is wrong: names the file, the entry ({@code maps[3]}, {@code unmapped[0]}, …) and the problem. */
final class CrosswalkFileException extends CatalogLoadException {

    CrosswalkFileException(String file, String entry, String key, Object... args) {
        this(file, entry, Msg.of("catalog.crosswalk.error." + key, args));
    }

    private CrosswalkFileException(String file, String entry, Msg problem) {
        super(Msg.of("catalog.crosswalk.error.located", file, entry, problem), file, 0, entry, problem);
    }
}
