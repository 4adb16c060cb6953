package org.yunjian.exit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yunjian.exit.internal.Json;

/**
 * Canonical JSON (the RFC 8785 rules for the subset used here): object members sorted by their names' UTF-16
 * code units, no insignificant whitespace, strings with the shortest escapes ({@code \"}, {@code \\},
 * {@code \b \f \n \r \t}, other control characters as &#92;u00xx; everything else literally, UTF-8), integers
 * only (no fractions or exponents — a certificate has no use for them, and it keeps number formatting trivially
 * canonical). One value has exactly one serialisation, so a signature over it does not depend on formatting.
 *
 * <p>Parsing is strict: duplicate member names, lone surrogates, non-integer numbers, leading zeros, control
 * characters in strings and trailing data are errors ({@link InvalidInputException} naming the character).
 * Values: {@link Map} (member order kept), {@link List}, {@link String}, {@link Long}, {@link Boolean}, and
 * {@link #NULL}.
 */
public final class CanonicalJson {

    /** JSON null after parsing. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deepest nesting accepted by the parser. */
    static final int MAX_DEPTH = 64;

    private CanonicalJson() {
    }

    /**
     * The canonical text of {@code value}: maps (String keys), lists, strings, integers (Integer, Long,
     * BigInteger), booleans, {@code null} or {@link #NULL}. Map entries whose value is Java {@code null} are
     * left out; {@link #NULL} writes a JSON null.
     */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null || v == NULL) {
            b.append("null");
        } else if (v instanceof String s) {
            quote(b, s);
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof BigInteger) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new InvalidInputException("exit.json.keyNotString", String.valueOf(e.getKey()));
                }
                if (e.getValue() != null) {
                    sorted.put(k, e.getValue());
                }
            }
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                quote(b, e.getKey());
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(b, l.get(i));
            }
            b.append(']');
        } else {
            throw new InvalidInputException("exit.json.unsupportedValue", v.getClass().getSimpleName());
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1)))
                                && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                            throw new InvalidInputException("exit.json.loneSurrogate");
                        }
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** Parses one JSON value (any whitespace allowed between tokens). */
    public static Object parse(String text) {
        return new Parser(text).document();
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new InvalidInputException("exit.json.notObject");
        }
        return (Map<String, Object>) v;
    }

    private static final class Parser extends Json.Cursor {

        Parser(String s) {
            super(s, "exit.json.atCharacter", "exit.json.endOfText");
        }

        Object document() {
            ws();
            Object v = value(0);
            ws();
            if (i != s.length()) {
                throw error("exit.json.trailingData");
            }
            return v;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("exit.json.tooDeep", MAX_DEPTH);
            }
            char c = peek();
            if (c == '{') {
                return object(depth);
            }
            if (c == '[') {
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
            throw error("exit.json.unexpectedCharacter", String.valueOf(c));
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
                if (peek() != '"') {
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
            for (int k = 0; k < out.length(); k++) {
                char c = out.charAt(k);
                if (Character.isHighSurrogate(c) && k + 1 < out.length() && Character.isLowSurrogate(out.charAt(k + 1))) {
                    k++;
                } else if (Character.isSurrogate(c)) {
                    throw error("exit.json.loneSurrogate");
                }
            }
            return out;
        }

        void ws() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                    || s.charAt(i) == '\r')) {
                i++;
            }
        }

    }
}
