package org.yunjian.shared.paging;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.yunjian.shared.FieldErrors;

/**
 * Parsing of list filter parameters, the same in every module: a blank value is no filter, a bad one is recorded
 * in {@link FieldErrors} under the parameter's name (a 400 naming it once {@link FieldErrors#throwIfAny()} runs).
 */
public final class ListFilters {

    public static final int TEXT_MAX = 200;

    private ListFilters() {}

    /** A "contains" text, stripped; at most {@value #TEXT_MAX} characters. */
    public static String text(FieldErrors errors, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        if (v.length() > TEXT_MAX) {
            errors.add(name, "paging.error.tooLong", TEXT_MAX);
            return null;
        }
        return v;
    }

    public static UUID uuid(FieldErrors errors, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            errors.add(name, "paging.error.uuid");
            return null;
        }
    }

    /** One of the enum's constants by name, any case. */
    public static <E extends Enum<E>> E choice(FieldErrors errors, String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip().toUpperCase(Locale.ROOT);
        E found = Arrays.stream(type.getEnumConstants())
                .filter(x -> x.name().equals(v))
                .findFirst()
                .orElse(null);
        if (found == null) {
            errors.add(name, "paging.error.value");
        }
        return found;
    }

    /**
     * Whether any of {@code texts} contains {@code text}, any case — the filter {@link PageQueries.Where#contains} for a
     * list computed in Java; a {@code null} text (no filter) matches everything.
     */
    public static boolean contains(String text, String... texts) {
        if (text == null) {
            return true;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(texts)
                .anyMatch(t -> t != null && t.toLowerCase(Locale.ROOT).contains(needle));
    }

    /** {@code text} with the SQL LIKE wildcards escaped for {@code ESCAPE '!'}, lower-cased, between {@code %}. */
    public static String likeContains(String text) {
        return "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_") + "%";
    }

    /**
     * The parameters of a list filtered by a text {@code q} and one choice among an enum's constants, with its
     * page: a bad filter is a 400 naming it, then a bad {@code page} or {@code size}.
     */
    public record Query<E extends Enum<E>>(Search search, String choiceName, E choice) {

        public static <E extends Enum<E>> Query<E> of(
                String q, String choiceName, String choice, Class<E> type, String page, String size) {
            FieldErrors errors = new FieldErrors();
            String text = ListFilters.text(errors, "q", q);
            E c = ListFilters.choice(errors, choiceName, choice, type);
            errors.throwIfAny();
            return new Query<>(new Search(text, PageRequest.of(page, size)), choiceName, c);
        }

        public String text() {
            return search.text();
        }

        public PageRequest page() {
            return search.page();
        }

        /** The filters a {@link Pager} keeps: {@code q} and the choice. */
        public Map<String, Object> filters() {
            return filters(null, null);
        }

        /** The filters a {@link Pager} keeps: {@code name} = {@code value} (say the system), then these. */
        public Map<String, Object> filters(String name, Object value) {
            Map<String, Object> filters = search.filters(name, value);
            filters.put(choiceName, choice);
            return filters;
        }
    }

    /** The parameters of a list filtered by a text {@code q} only, with its page (bad ones: a 400 naming them). */
    public record Search(String text, PageRequest page) {

        public static Search of(String q, String page, String size) {
            FieldErrors errors = new FieldErrors();
            String text = ListFilters.text(errors, "q", q);
            errors.throwIfAny();
            return new Search(text, PageRequest.of(page, size));
        }

        /** The filters a {@link Pager} keeps: {@code q}. */
        public Map<String, Object> filters() {
            return filters(null, null);
        }

        /** The filters a {@link Pager} keeps: {@code name} = {@code value} (say the system), then {@code q}. */
        public Map<String, Object> filters(String name, Object value) {
            Map<String, Object> filters = new LinkedHashMap<>();
            if (name != null) {
                filters.put(name, value);
            }
            filters.put("q", text);
            return filters;
        }
    }
}
