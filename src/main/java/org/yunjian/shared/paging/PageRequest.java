package org.yunjian.shared.paging;

import org.yunjian.shared.FieldErrors;

/**
 * Which page of a list a caller asks for: {@code page} counts from 1, {@code size} rows per page (default
 * {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE}). Built from the raw {@code page} / {@code size} request
 * parameters so that a bad value is a 400 naming the parameter (RFC 9457 for REST, the error page for pages),
 * never a silently clamped list. Every list of the platform, in REST and pages, pages with this.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** Above this a page number is refused: OFFSET scans the rows it skips. */
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 1 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + ", size " + size);
        }
    }

    /** The first page of the default size. */
    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    /**
     * The page from request parameters; {@code null} or blank = the default. A value that is not a whole number
     * in range is a {@link FieldErrors.ValidationException} on {@code page} or {@code size}.
     */
    public static PageRequest of(String page, String size) {
        FieldErrors errors = new FieldErrors();
        int p = parse(page, 1, MAX_PAGE, 1, "page", "paging.error.page", errors);
        int s = parse(size, DEFAULT_SIZE, MAX_SIZE, 1, "size", "paging.error.size", errors);
        errors.throwIfAny();
        return new PageRequest(p, s);
    }

    private static int parse(String raw, int fallback, int max, int min, String field, String key, FieldErrors errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String v = raw.strip();
        if (v.length() > 9 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            errors.add(field, key, min, max);
            return fallback;
        }
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            errors.add(field, key, min, max);
            return fallback;
        }
        return n;
    }

    /** Rows to skip: the SQL {@code OFFSET}. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
