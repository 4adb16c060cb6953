package org.yunjian.exit;

import java.math.BigInteger;
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
    public static final Object NULL = Json.NULL;

    /** Deepest nesting accepted by the parser. */
    static final int MAX_DEPTH = Json.MAX_DEPTH;

    private CanonicalJson() {}

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
        } else if (v instanceof Boolean
                || v instanceof Long
                || v instanceof Integer
                || v instanceof Short
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
            throw new InvalidInputException(
                    "exit.json.unsupportedValue", v.getClass().getSimpleName());
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
                        if (Character.isSurrogate(c)
                                && !(Character.isHighSurrogate(c)
                                        && i + 1 < s.length()
                                        && Character.isLowSurrogate(s.charAt(i + 1)))
                                && !(Character.isLowSurrogate(c)
                                        && i > 0
                                        && Character.isHighSurrogate(s.charAt(i - 1)))) {
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
        return Json.parseDocument(text);
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
}
