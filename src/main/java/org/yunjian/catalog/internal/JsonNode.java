package org.yunjian.catalog.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value that remembers where it started in its file, so schema and consistency
 * errors can name file, line and field. Jackson's own trees drop locations.
 */
final class JsonNode {

    enum Type {
        OBJECT,
        ARRAY,
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        NULL
    }

    private final Type type;
    private final int line;
    private final int column;
    private final Object scalar;
    private final Map<String, JsonNode> fields;
    private final List<JsonNode> items;

    private JsonNode(
            Type type, int line, int column, Object scalar, Map<String, JsonNode> fields, List<JsonNode> items) {
        this.type = type;
        this.line = line;
        this.column = column;
        this.scalar = scalar;
        this.fields = fields;
        this.items = items;
    }

    static JsonNode scalar(Type type, Object value, int line, int column) {
        return new JsonNode(type, line, column, value, Map.of(), List.of());
    }

    static JsonNode object(LinkedHashMap<String, JsonNode> fields, int line, int column) {
        return new JsonNode(Type.OBJECT, line, column, null, Collections.unmodifiableMap(fields), List.of());
    }

    static JsonNode array(List<JsonNode> items, int line, int column) {
        return new JsonNode(Type.ARRAY, line, column, null, Map.of(), List.copyOf(items));
    }

    Type type() {
        return type;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    boolean isNull() {
        return type == Type.NULL;
    }

    Map<String, JsonNode> fields() {
        return fields;
    }

    List<JsonNode> items() {
        return items;
    }

    /** The field's node, or a null node at this object's position when absent. */
    JsonNode get(String name) {
        JsonNode node = fields.get(name);
        return node != null ? node : scalar(Type.NULL, null, line, column);
    }

    String asString() {
        return type == Type.STRING ? (String) scalar : null;
    }

    Number asNumber() {
        return scalar instanceof Number n ? n : null;
    }

    boolean asBoolean() {
        return Boolean.TRUE.equals(scalar);
    }

    Object scalarValue() {
        return scalar;
    }
}
