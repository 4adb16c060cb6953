package org.yunjian.catalog;

/**
 * The catalog could not be loaded completely. The application refuses to start rather than run
 * with part of a standard missing; the message names the file, the line and the field.
 */
public class CatalogLoadException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;

    public CatalogLoadException(String file, int line, String field, String problem) {
        super(file + ":" + line + ": " + field + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
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
}
