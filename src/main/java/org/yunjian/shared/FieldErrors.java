package org.yunjian.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects per-field validation problems so a caller sees all of them at once. Throw with
 * {@link #throwIfAny()}; the web layer renders them as a 400 problem with an {@code errors} map.
 */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(new LinkedHashMap<>(errors));
        }
    }

    /** Invalid input; {@link #errors()} maps field name to a message that names the problem. */
    public static class ValidationException extends RuntimeException {
        private final Map<String, String> errors;

        public ValidationException(Map<String, String> errors) {
            super("Invalid input: " + errors);
            this.errors = errors;
        }

        public ValidationException(String field, String message) {
            this(new LinkedHashMap<>(Map.of(field, message)));
        }

        public Map<String, String> errors() {
            return errors;
        }
    }
}
