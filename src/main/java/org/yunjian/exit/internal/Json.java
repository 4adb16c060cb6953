package org.yunjian.exit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yunjian.exit.ExitText;
import org.yunjian.exit.InvalidInputException;

/**
 * JSON in the exit module. Lines of manifests and checkpoints are one flat object whose values are strings,
 * integers, booleans or null; writing them is deterministic (fields in insertion order, no spaces, minimal escapes),
 * so manifests are canonical byte for byte. The one parser ({@link #parse} for such a line, {@link #parseDocument}
 * for a signed document, written by {@code exit.CanonicalJson}) is strict: nesting where a line has none, duplicate
 * keys, trailing data and malformed escapes are rejected.
 */
public final class Json {

    private Json() {}

    /** Builds one line (without the newline). */
    public static final class Obj {
        private final StringBuilder b = new StringBuilder("{");

        public Obj put(String key, Object value) {
            if (value == null) {
                return this;
            }
            if (b.length() > 1) {
                b.append(',');
            }
            quote(b, key);
            b.append(':');
            if (value instanceof String s) {
                quote(b, s);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
                b.append(value);
            } else {
                throw new InvalidInputException(
                        "exit.json.unsupportedValue", value.getClass().getSimpleName());
            }
            return this;
        }

        @Override
        public String toString() {
            return b + "}";
        }
    }

    public static Obj obj() {
        return new Obj();
    }

    public static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder();
        quote(b, s);
        return b.toString();
    }

    /** Parses one flat object; values become String, Long, Boolean or {@link #NULL}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String line) {
        return (Map<String, Object>) new Parser(line, true).document();
    }

    /**
     * Parses one JSON value of a document (any JSON whitespace between tokens, nesting up to {@link #MAX_DEPTH}, no
     * lone surrogates in strings): {@link Map} (member order kept), {@link List}, {@link String}, {@link Long},
     * {@link Boolean} and {@link #NULL}.
     */
    public static Object parseDocument(String text) {
        return new Parser(text, false).document();
    }

    /** Deepest nesting a document may have. */
    public static final int MAX_DEPTH = 64;

    /** Marker for JSON null. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A position in JSON text with its token steps. */
    private abstract static class Cursor {
        protected final String s;
        protected int i;
        private final String at;
        private final String endOfText;

        /**
         * @param at        the key of an error naming its position ({@code {0}}, the column of a line or the character
         *                  of a document) and the problem ({@code {1}})
         * @param endOfText the key of the problem when the text ends too early
         */
        protected Cursor(String s, String at, String endOfText) {
            this.s = s;
            this.at = at;
            this.endOfText = endOfText;
        }

        protected char peek() {
            if (i >= s.length()) {
                throw error(endOfText);
            }
            return s.charAt(i);
        }

        protected char next() {
            char c = peek();
            i++;
            return c;
        }

        protected void expect(char c) {
            if (next() != c) {
                throw error("exit.json.expected", String.valueOf(c));
            }
        }

        /** The problem {@code key} (with {@code args}) at the current position. */
        protected InvalidInputException error(String key, Object... args) {
            return new InvalidInputException(at, (long) i + 1, new ExitText(key, args));
        }

        /** An integer token (JSON number without fraction or exponent, no leading zeros) as a Long. */
        protected Long integer() {
            int start = i;
            if (i < s.length() && s.charAt(i) == '-') {
                i++;
            }
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            String num = s.substring(start, i);
            if (num.isEmpty() || num.equals("-") || (num.length() > 1 && num.startsWith("0")) || num.startsWith("-0")) {
                throw error("exit.json.malformedNumber");
            }
            if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                throw error("exit.json.onlyIntegers");
            }
            try {
                return Long.parseLong(num);
            } catch (NumberFormatException e) {
                throw error("exit.json.numberOutOfRange");
            }
        }

        /** A string token, escapes undone. */
        protected String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("exit.json.unterminatedString");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw error("exit.json.controlCharacter");
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case '/' -> b.append('/');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("exit.json.shortEscape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("exit.json.malformedEscape");
                        }
                        i += 4;
                    }
                    default -> throw error("exit.json.unknownEscape", "\\" + e);
                }
            }
        }
    }

    /**
     * The module's one JSON parser, strict in both of its modes: a manifest's or checkpoint's line ({@code flat}: one
     * object of strings, integers, booleans and nulls, blanks and tabs between tokens, problems named by column) or
     * a signed document (any value, nesting and JSON whitespace, no lone surrogates, problems named by character).
     * Duplicate members, non-integer numbers, leading zeros, control characters in strings and trailing data are
     * errors in both.
     */
    private static final class Parser extends Cursor {

        private final boolean flat;

        Parser(String s, boolean flat) {
            super(
                    s,
                    flat ? "exit.json.atColumn" : "exit.json.atCharacter",
                    flat ? "exit.json.endOfLine" : "exit.json.endOfText");
            this.flat = flat;
        }

        Object document() {
            ws();
            Object v;
            if (flat) {
                expect('{');
                i--;
                v = object(0);
            } else {
                v = value(0);
            }
            ws();
            if (i != s.length()) {
                throw error("exit.json.trailingData");
            }
            return v;
        }

        private Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("exit.json.tooDeep", MAX_DEPTH);
            }
            char c = peek();
            if (c == '{' && !flat) {
                return object(depth);
            }
            if (c == '[' && !flat) {
                return array(depth);
            }
            if (c == '"') {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return integer();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return NULL;
            }
            throw flat ? error("exit.json.flatValue") : error("exit.json.unexpectedCharacter", String.valueOf(c));
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                if (!flat && peek() != '"') {
                    throw error("exit.json.expectedName");
                }
                String k = string();
                ws();
                expect(':');
                ws();
                Object v = value(depth + 1);
                if (m.put(k, v) != null) {
                    throw error("exit.json.duplicateMember", k);
                }
                ws();
                char c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw error("exit.json.expectedCommaOrBrace");
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> l = new ArrayList<>();
            i++;
            ws();
            if (peek() == ']') {
                i++;
                return l;
            }
            while (true) {
                ws();
                l.add(value(depth + 1));
                ws();
                char c = next();
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw error("exit.json.expectedCommaOrBracket");
                }
            }
        }

        @Override
        protected String string() {
            String out = super.string();
            if (flat) {
                return out;
            }
            for (int k = 0; k < out.length(); k++) {
                char c = out.charAt(k);
                if (Character.isHighSurrogate(c)
                        && k + 1 < out.length()
                        && Character.isLowSurrogate(out.charAt(k + 1))) {
                    k++;
                } else if (Character.isSurrogate(c)) {
                    throw error("exit.json.loneSurrogate");
                }
            }
            return out;
        }

        private void ws() {
            while (i < s.length()
                    && (s.charAt(i) == ' '
                            || s.charAt(i) == '\t'
                            || (!flat && (s.charAt(i) == '\n' || s.charAt(i) == '\r')))) {
                i++;
            }
        }
    }
}
