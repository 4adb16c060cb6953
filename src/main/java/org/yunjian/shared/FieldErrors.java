package org.yunjian.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects per-field validation problems so a caller sees all of them at once. Each problem is a {@link Msg}
 * (a bundle key and its arguments), rendered in the reader's language where it is shown. Throw with
 * {@link #throwIfAny()}; the web layer renders them as a 400 problem with an {@code errors} map, or next to
 * each form field.
 */
public final class FieldErrors {

    private final Map<String, Msg> errors = new LinkedHashMap<>();

    /** The first problem of a field wins; {@code key} names a bundle entry, {@code args} fill it. */
    public FieldErrors add(String field, String key, Object... args) {
        return add(field, Msg.of(key, args));
    }

    public FieldErrors add(String field, Msg message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    /** Field → text in the current language, in the order the problems were found. */
    public Map<String, String> asMap() {
        return render(errors);
    }

    public Map<String, Msg> messages() {
        return Collections.unmodifiableMap(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(new LinkedHashMap<>(errors));
        }
    }

    static Map<String, String> render(Map<String, Msg> messages) {
        Map<String, String> out = new LinkedHashMap<>();
        messages.forEach((field, m) -> out.put(field, m.text()));
        return out;
    }

    /** Invalid input; {@link #errors()} maps field name to a text that names the problem. */
    public static class ValidationException extends RuntimeException {
        private final Map<String, Msg> errors;

        public ValidationException(Map<String, Msg> errors) {
            super("Invalid input: " + errors.keySet());
            this.errors = new LinkedHashMap<>(errors);
        }

        public ValidationException(String field, String key, Object... args) {
            this(Map.of(field, Msg.of(key, args)));
        }

        /** Field → text in the current thread's language, in the order the problems were found. */
        public Map<String, String> errors() {
            return render(errors);
        }

        public Map<String, Msg> messages() {
            return Collections.unmodifiableMap(errors);
        }
    }
}
