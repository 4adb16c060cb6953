package org.yunjian.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSourceResolvable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A text a person reads, kept as a message key and its arguments and rendered in the reader's language only
 * at the edge (page, problem, CLI line, report). An argument may itself be a {@code Msg} (an enum's display
 * name inside a sentence); other arguments are shown as they are (names, numbers, identifiers).
 *
 * <p>A key that is missing from the bundles renders as the key itself, so a mistake shows rather than fails;
 * {@code MessageBundlesTests} fails the build on such a key.
 */
public record Msg(String key, Object[] args) implements MessageSourceResolvable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Marks an encoded message in a stored text column (audit details), so older plain texts still read as they are. */
    static final String ENCODED_PREFIX = "{\"msg\":";

    public Msg {
        Objects.requireNonNull(key, "key");
        args = args == null ? new Object[0] : args.clone();
    }

    public static Msg of(String key, Object... args) {
        return new Msg(key, args);
    }

    /**
     * Several messages as one, separated as the reader's language separates list items ({@code ；} in Chinese,
     * {@code ; } in English); empty for none.
     */
    public static Msg joined(List<? extends Msg> parts) {
        return joined("text.joined", parts);
    }

    /**
     * Several messages as one, each pair joined by {@code pairKey} (a pattern {@code {0}<separator>{1}}); nested as
     * a balanced tree, so a long list (thousands of entries) renders without deep recursion; empty for none.
     */
    public static Msg joined(String pairKey, List<? extends Msg> parts) {
        if (parts.isEmpty()) {
            return new Msg(Texts.VERBATIM, new Object[] {""});
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int half = parts.size() / 2;
        return new Msg(pairKey, new Object[] {
            joined(pairKey, parts.subList(0, half)), joined(pairKey, parts.subList(half, parts.size()))
        });
    }

    /** The display name of an enum constant: key {@code enum.<SimpleName>.<CONSTANT>}. */
    public static Msg of(Enum<?> value) {
        return new Msg("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name(), null);
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return args.clone();
    }

    @Override
    public String getDefaultMessage() {
        return key;
    }

    /** Rendered in the current thread's language (the request's, or the CLI's {@code --lang}). */
    public String text() {
        return Texts.render(this);
    }

    public String text(Locale locale) {
        return Texts.render(this, locale);
    }

    /**
     * A stable JSON form for a stored text column: {@code {"msg":"key","args":["a",{"msg":…}]}}; arguments that
     * are not messages are stored as strings.
     */
    public String encode() {
        return JSON.writeValueAsString(node());
    }

    private ObjectNode node() {
        ObjectNode n = JSON.createObjectNode();
        n.put("msg", key);
        ArrayNode a = n.putArray("args");
        for (Object arg : args) {
            if (arg instanceof Msg m) {
                a.add(m.node());
            } else if (arg instanceof Enum<?> e) {
                a.add(of(e).node());
            } else {
                a.add(arg == null ? "" : arg.toString());
            }
        }
        return n;
    }

    /** Whether a stored text is an {@link #encode() encoded} message rather than plain text. */
    public static boolean isEncoded(String stored) {
        return stored != null && stored.startsWith(ENCODED_PREFIX);
    }

    /** The message a stored text encodes, or the stored text itself as a plain argument-free message. */
    public static Msg decode(String stored) {
        if (!isEncoded(stored)) {
            return new Msg(Texts.VERBATIM, new Object[] {stored == null ? "" : stored});
        }
        try {
            return fromNode(JSON.readTree(stored));
        } catch (RuntimeException unreadable) {
            return new Msg(Texts.VERBATIM, new Object[] {stored});
        }
    }

    private static Msg fromNode(JsonNode n) {
        List<Object> args = new ArrayList<>();
        for (JsonNode a : n.path("args")) {
            args.add(a.isObject() ? fromNode(a) : a.asString());
        }
        return new Msg(n.path("msg").asString(), args.toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Msg m && key.equals(m.key) && Arrays.equals(args, m.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return args.length == 0 ? key : key + Arrays.toString(args);
    }
}
