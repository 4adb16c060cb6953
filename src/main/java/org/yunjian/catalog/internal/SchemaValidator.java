package org.yunjian.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a {@link JsonNode} against the subset of JSON Schema 2020-12 that
 * {@code catalog/catalog.schema.json} uses. A schema using any other keyword is rejected when the
 * validator is built, so the schema can never say more than is checked.
 *
 * <p>Hand-written rather than a library: the validators on Maven Central work on Jackson 2 trees,
 * which carry no line numbers, and a malformed catalog file must be reported with its line.
 */
final class SchemaValidator {

    record Violation(int line, String path, String message) {
    }

    private static final Set<String> SUPPORTED = Set.of("$schema", "$id", "$defs", "$ref", "title", "description",
            "type", "properties", "required", "additionalProperties", "enum", "const", "pattern", "items",
            "minItems", "minLength", "uniqueItems", "minimum", "anyOf");

    private final JsonNode root;
    private final Map<JsonNode, Pattern> patterns = new java.util.IdentityHashMap<>();

    SchemaValidator(JsonNode schema) {
        this.root = schema;
        checkKeywords(schema, "#");
    }

    List<Violation> validate(JsonNode instance) {
        List<Violation> out = new ArrayList<>();
        validate(root, instance, "$", out);
        return out;
    }

    /** Validates against {@code #/$defs/<definition>} instead of the root schema. */
    List<Violation> validate(JsonNode instance, String definition) {
        List<Violation> out = new ArrayList<>();
        validate(resolve("#/$defs/" + definition), instance, "$", out);
        return out;
    }

    private void checkKeywords(JsonNode schema, String where) {
        if (schema.type() != JsonNode.Type.OBJECT) {
            throw new IllegalArgumentException("schema at " + where + " is not an object");
        }
        for (Map.Entry<String, JsonNode> e : schema.fields().entrySet()) {
            String key = e.getKey();
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException("unsupported schema keyword " + key + " at " + where);
            }
            JsonNode value = e.getValue();
            switch (key) {
                case "$defs", "properties" -> value.fields().forEach((k, v) -> checkKeywords(v, where + "/" + key + "/" + k));
                case "items" -> checkKeywords(value, where + "/items");
                case "anyOf" -> value.items().forEach(v -> checkKeywords(v, where + "/anyOf"));
                case "additionalProperties" -> {
                    if (value.type() != JsonNode.Type.BOOLEAN || value.asBoolean()) {
                        throw new IllegalArgumentException("only additionalProperties: false is supported at " + where);
                    }
                }
                case "pattern" -> patterns.put(schema, Pattern.compile(value.asString()));
                case "$ref" -> resolve(value.asString());
                default -> {
                }
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/$defs/")) {
            throw new IllegalArgumentException("only local #/$defs references are supported: " + ref);
        }
        JsonNode target = root.get("$defs").get(ref.substring("#/$defs/".length()));
        if (target.isNull()) {
            throw new IllegalArgumentException("unresolved $ref " + ref);
        }
        return target;
    }

    private void validate(JsonNode schema, JsonNode node, String path, List<Violation> out) {
        JsonNode ref = schema.fields().get("$ref");
        if (ref != null) {
            validate(resolve(ref.asString()), node, path, out);
        }
        JsonNode anyOf = schema.fields().get("anyOf");
        if (anyOf != null && anyOf.items().stream().noneMatch(alt -> {
            List<Violation> probe = new ArrayList<>();
            validate(alt, node, path, probe);
            return probe.isEmpty();
        })) {
            out.add(new Violation(node.line(), path, "matches none of the allowed forms"));
            return;
        }
        JsonNode type = schema.fields().get("type");
        if (type != null && !typeMatches(type, node)) {
            out.add(new Violation(node.line(), path, "expected " + typeNames(type) + " but found " + describe(node)));
            return;
        }
        JsonNode constant = schema.fields().get("const");
        if (constant != null && !sameValue(constant, node)) {
            out.add(new Violation(node.line(), path, "must be " + constant.scalarValue()));
        }
        JsonNode allowed = schema.fields().get("enum");
        if (allowed != null && allowed.items().stream().noneMatch(v -> sameValue(v, node))) {
            out.add(new Violation(node.line(), path, "value " + describe(node) + " is not one of "
                    + allowed.items().stream().map(v -> String.valueOf(v.scalarValue())).toList()));
        }
        switch (node.type()) {
            case STRING -> validateString(schema, node, path, out);
            case INTEGER, NUMBER -> validateNumber(schema, node, path, out);
            case ARRAY -> validateArray(schema, node, path, out);
            case OBJECT -> validateObject(schema, node, path, out);
            default -> {
            }
        }
    }

    private void validateString(JsonNode schema, JsonNode node, String path, List<Violation> out) {
        String value = node.asString();
        JsonNode minLength = schema.fields().get("minLength");
        if (minLength != null && value.codePointCount(0, value.length()) < minLength.asNumber().intValue()) {
            out.add(new Violation(node.line(), path, value.isEmpty() ? "must not be empty" : "is too short"));
        }
        Pattern pattern = patterns.get(schema);
        if (pattern != null && !pattern.matcher(value).find()) {
            out.add(new Violation(node.line(), path, "'" + value + "' does not match " + pattern.pattern()));
        }
    }

    private void validateNumber(JsonNode schema, JsonNode node, String path, List<Violation> out) {
        JsonNode minimum = schema.fields().get("minimum");
        if (minimum != null && new BigDecimal(node.asNumber().toString())
                .compareTo(new BigDecimal(minimum.asNumber().toString())) < 0) {
            out.add(new Violation(node.line(), path, "must be at least " + minimum.asNumber()));
        }
    }

    private void validateArray(JsonNode schema, JsonNode node, String path, List<Violation> out) {
        JsonNode minItems = schema.fields().get("minItems");
        if (minItems != null && node.items().size() < minItems.asNumber().intValue()) {
            out.add(new Violation(node.line(), path, "needs at least " + minItems.asNumber() + " item(s)"));
        }
        JsonNode unique = schema.fields().get("uniqueItems");
        if (unique != null && unique.asBoolean()) {
            Set<Object> seen = new HashSet<>();
            for (JsonNode item : node.items()) {
                if (!seen.add(item.scalarValue())) {
                    out.add(new Violation(item.line(), path, "duplicate item " + item.scalarValue()));
                }
            }
        }
        JsonNode items = schema.fields().get("items");
        if (items != null) {
            for (int i = 0; i < node.items().size(); i++) {
                validate(items, node.items().get(i), path + "[" + i + "]", out);
            }
        }
    }

    private void validateObject(JsonNode schema, JsonNode node, String path, List<Violation> out) {
        JsonNode required = schema.fields().get("required");
        if (required != null) {
            for (JsonNode name : required.items()) {
                if (!node.fields().containsKey(name.asString())) {
                    out.add(new Violation(node.line(), path + "." + name.asString(), "required field is missing"));
                }
            }
        }
        JsonNode properties = schema.fields().get("properties");
        boolean closed = schema.fields().containsKey("additionalProperties");
        for (Map.Entry<String, JsonNode> field : node.fields().entrySet()) {
            JsonNode propertySchema = properties == null ? null : properties.fields().get(field.getKey());
            if (propertySchema != null) {
                validate(propertySchema, field.getValue(), path + "." + field.getKey(), out);
            } else if (closed) {
                out.add(new Violation(field.getValue().line(), path + "." + field.getKey(), "unknown field"));
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode node) {
        if (type.type() == JsonNode.Type.ARRAY) {
            return type.items().stream().anyMatch(t -> typeMatches(t, node));
        }
        return switch (type.asString()) {
            case "object" -> node.type() == JsonNode.Type.OBJECT;
            case "array" -> node.type() == JsonNode.Type.ARRAY;
            case "string" -> node.type() == JsonNode.Type.STRING;
            case "integer" -> node.type() == JsonNode.Type.INTEGER;
            case "number" -> node.type() == JsonNode.Type.INTEGER || node.type() == JsonNode.Type.NUMBER;
            case "boolean" -> node.type() == JsonNode.Type.BOOLEAN;
            case "null" -> node.type() == JsonNode.Type.NULL;
            default -> throw new IllegalArgumentException("unknown schema type " + type.asString());
        };
    }

    private static String typeNames(JsonNode type) {
        return type.type() == JsonNode.Type.ARRAY
                ? String.join(" or ", type.items().stream().map(JsonNode::asString).toList())
                : type.asString();
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.type() == JsonNode.Type.INTEGER && actual.type() == JsonNode.Type.INTEGER) {
            return expected.asNumber().longValue() == actual.asNumber().longValue();
        }
        return expected.type() == actual.type() && Objects.equals(expected.scalarValue(), actual.scalarValue());
    }

    private static String describe(JsonNode node) {
        return switch (node.type()) {
            case STRING -> "'" + node.asString() + "'";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> String.valueOf(node.scalarValue());
        };
    }
}
