package org.yunjian.exit.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yunjian.exit.CanonicalJson;
import org.yunjian.exit.InvalidInputException;

/**
 * Records as the JSON values {@link CanonicalJson} writes and parses: a record is an object whose members are its
 * components by name (a {@code null} component is left out, as the canonical writer leaves out a {@code null} map
 * value), a {@code List} an array, a {@code String}, {@code Long}, {@code Integer} or {@code Boolean} itself, a
 * {@code Map} an object of its values. A type that is written another way ({@link Form}) says so itself. So a typed
 * document has the members its record declares, and no hand-written list of names to drift from it.
 */
public final class JsonRecords {

    private JsonRecords() {}

    /**
     * A record written as another JSON value than its components (a string in place of an object, say): it writes
     * itself with {@link #json()} and reads itself with a {@code public static T fromJson(Object)}.
     */
    public interface Form {
        Object json();
    }

    /** The JSON value of {@code value} for {@link CanonicalJson#write}. */
    public static Object write(Object value) {
        if (value instanceof Form f) {
            return f.json();
        }
        if (value instanceof Record r) {
            return members(r);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(write(v)));
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), write(v)));
            return out;
        }
        return value;
    }

    /** The members of {@code r}: each component by name, {@code null} ones left out. */
    public static Map<String, Object> members(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = call(c.getAccessor(), r);
            if (v != null) {
                out.put(c.getName(), write(v));
            }
        }
        return out;
    }

    /**
     * The record of {@code type} that {@code json} (a parsed object) is. A missing member is {@code null}; with
     * {@code strict}, a member the record does not declare is refused, else ignored.
     *
     * @throws InvalidInputException when a member has another kind of value than its component
     */
    public static <R extends Record> R read(Class<R> type, Object json, boolean strict) {
        return type.cast(value(type, json, strict, type.getSimpleName()));
    }

    private static Object value(Type type, Object json, boolean strict, String where) {
        if (json == null || json == CanonicalJson.NULL) {
            return null;
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (Form.class.isAssignableFrom(raw)) {
            try {
                return raw.getMethod("fromJson", Object.class).invoke(null, json);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(raw.getName(), e); // a Form without fromJson(Object)
            }
        }
        if (raw.isRecord()) {
            if (!(json instanceof Map<?, ?> m)) {
                throw mismatch(where);
            }
            return record(raw, m, strict, where);
        }
        if (raw == List.class) {
            if (!(json instanceof List<?> l)) {
                throw mismatch(where);
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(value(element, l.get(i), strict, where + "[" + i + "]"));
            }
            return out;
        }
        if (raw == Map.class) {
            if (!(json instanceof Map<?, ?> m)) {
                throw mismatch(where);
            }
            Type v = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), value(v, x, strict, where + "." + k)));
            return out;
        }
        if (raw == Long.class && json instanceof Number n && !(json instanceof Double || json instanceof Float)) {
            return n.longValue();
        }
        if (raw == Integer.class
                && json instanceof Number n
                && !(json instanceof Double || json instanceof Float)
                && n.longValue() == n.intValue()) {
            return n.intValue();
        }
        if (raw == Object.class || raw.isInstance(json)) {
            return json;
        }
        throw mismatch(where);
    }

    private static Object record(Class<?> type, Map<?, ?> json, boolean strict, String where) {
        RecordComponent[] components = type.getRecordComponents();
        if (strict) {
            for (Object k : json.keySet()) {
                boolean known = false;
                for (RecordComponent c : components) {
                    known |= c.getName().equals(k);
                }
                if (!known) {
                    throw new InvalidInputException("exit.json.unknownMember", where + "." + k);
                }
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (c.getType().isPrimitive()) {
                // a member may be missing: components are boxed
                throw new IllegalStateException(type.getName() + "." + c.getName());
            }
            args[i] = value(c.getGenericType(), json.get(c.getName()), strict, where + "." + c.getName());
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidInputException mismatch(String where) {
        return new InvalidInputException("exit.json.wrongKind", where);
    }
}
