package org.yunjian.catalog;

import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.Msg;

/**
 * The catalog could not be loaded completely. The application refuses to start rather than run
 * with part of a standard missing; the message names the file, the line and the field, and says what is wrong
 * in the reader's language.
 */
public class CatalogLoadException extends LocalizedException {

    private final String file;
    private final int line;
    private final String field;
    private final Msg problem;

    public CatalogLoadException(String file, int line, String field, Msg problem) {
        super(Msg.of("catalog.error.located", file, String.valueOf(line), field, problem), null);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** As the public constructor, with {@code message} as the whole text (a refusal listing several places). */
    protected CatalogLoadException(Msg message, String file, int line, String field, Msg problem) {
        super(message, null);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line in {@link #file()}; 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** JSON path of the offending field, e.g. {@code requirements[12].mlps.criteria.compliant}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the place. */
    public Msg problem() {
        return problem;
    }
}
