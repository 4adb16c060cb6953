package org.yunjian.exit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.yunjian.exit.ExitText;
import org.yunjian.exit.InvalidInputException;

/**
 * The tiny JSON subset of manifests: one flat object per line whose values are strings, integers,
 * booleans or null. Writing is deterministic (fields in insertion order, no spaces, minimal escapes), so
 * manifests are canonical byte for byte. Parsing is strict: nesting, duplicate keys, trailing data and
 * malformed escapes are rejected.
 */
public final class Json {

    private Json() {
    }

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
                throw new InvalidInputException("exit.json.unsupportedValue", value.getClass().getSimpleName());
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
    public static Map<String, Object> parse(String line) {
        return new Parser(line).object();
    }

    /** Marker for JSON null. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /**
     * A position in JSON text with the token steps both parsers of the module share (the manifest's flat
     * objects here, the certificate's canonical documents in {@code exit.CanonicalJson}).
     */
    public abstract static class Cursor {
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

    private static final class Parser extends Cursor {

        Parser(String s) {
            super(s, "exit.json.atColumn", "exit.json.endOfLine");
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            expect('{');
            ws();
            if (peek() == '}') {
                i++;
            } else {
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    expect(':');
                    ws();
                    Object v = value();
                    if (m.put(k, v) != null) {
                        throw error("exit.json.duplicateMember", k);
                    }
                    ws();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw error("exit.json.expectedCommaOrBrace");
                    }
                }
            }
            ws();
            if (i != s.length()) {
                throw error("exit.json.trailingData");
            }
            return m;
        }

        private Object value() {
            char c = peek();
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
            throw error("exit.json.flatValue");
        }

        private void ws() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

    }
}
