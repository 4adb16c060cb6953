package org.yunjian.shared;

/**
 * The one home of the small checks on a field's value that forms, JSON bodies, query parameters and imports share:
 * whether it was left blank, and the value as stored (blank as null, stripped or as given). The free-text rule is
 * {@link Text}'s; the errors are collected in {@link FieldErrors}.
 */
public final class FieldValues {

    private FieldValues() {}

    /** Whether {@code value} is missing or only whitespace. */
    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** {@code value} without its leading and trailing whitespace; null when {@link #blank blank}. */
    public static String stripped(String value) {
        return blank(value) ? null : value.strip();
    }

    /** {@code value} as given; null when {@link #blank blank}. */
    public static String nullIfBlank(String value) {
        return blank(value) ? null : value;
    }
}
