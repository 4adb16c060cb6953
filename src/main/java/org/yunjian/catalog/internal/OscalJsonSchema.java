package org.yunjian.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates JSON against the official OSCAL catalog JSON Schema (draft-07), as shipped in liboscal-java
 * under {@code schema/json/}. Implements the draft-07 keywords that schema uses and refuses any other, so
 * a schema update cannot silently weaken the check. Problems name file, line and JSON path.
 */
final class OscalJsonSchema {

    static final String RESOURCE = "schema/json/oscal-catalog_schema.json";

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "default", "examples", "contentEncoding", "contentMediaType");
    private static final Set<String> KEYWORDS = Set.of("$ref", "type", "properties", "required",
            "additionalProperties", "items", "minItems", "maxItems", "enum", "pattern", "format", "anyOf", "allOf",
            "oneOf", "not", "minLength", "maxLength", "minimum", "maximum", "definitions", "const",
            "exclusiveMinimum", "exclusiveMaximum", "uniqueItems", "minProperties", "maxProperties");
    private static final Pattern URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S*$");

    private static volatile OscalJsonSchema instance;

    private final JsonNode root;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private OscalJsonSchema(JsonNode root) {
        this.root = root;
        checkKeywords(root, "#", null);
    }

    static OscalJsonSchema get() {
        OscalJsonSchema s = instance;
        if (s == null) {
            try (InputStream in = OscalJsonSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " not on the classpath (dev.metaschema.oscal:liboscal-java)");
                }
                s = new OscalJsonSchema(LocatedJsonReader.read(RESOURCE, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = s;
        }
        return s;
    }

    /**
     * Refuses keywords the validator does not implement. One exception: OSCAL 1.1.x's generated schema nests a
     * few field schemas under their own name ({@code "value": {"value": {"$ref": ...}}}, also {@code id},
     * {@code identifier}, {@code number}); that is no draft-07 keyword, draft-07 ignores it, and so do we.
     */
    private void checkKeywords(JsonNode schema, String where, String propertyName) {
        if (schema.type() != JsonNode.Type.OBJECT) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : schema.fields().entrySet()) {
            String k = e.getKey();
            if (k.equals(propertyName) && !KEYWORDS.contains(k)) {
                continue;
            }
            if (!ANNOTATIONS.contains(k) && !KEYWORDS.contains(k)) {
                throw new IllegalStateException("OSCAL schema keyword not supported by the validator: " + k + " at " + where);
            }
            switch (k) {
                case "properties" -> e.getValue().fields().forEach((n, v) -> checkKeywords(v, where + "/" + k + "/" + n, n));
                case "definitions" -> e.getValue().fields().forEach((n, v) -> checkKeywords(v, where + "/" + k + "/" + n, null));
                case "items", "additionalProperties", "not" -> checkKeywords(e.getValue(), where + "/" + k, null);
                case "anyOf", "allOf", "oneOf" -> e.getValue().items().forEach(v -> checkKeywords(v, where + "/" + k, null));
                default -> {
                }
            }
        }
    }

    /** @throws CatalogFileException at the first problem: file, line, path and what is wrong */
    void validate(String file, JsonNode instance) {
        String problem = check(root, instance, "$", file);
        if (problem != null) {
            throw located(file, problem);
        }
    }

    private static CatalogFileException located(String file, String problem) {
        // problem = "line|path|message"
        String[] p = problem.split("\\|", 3);
        return new CatalogFileException(file, Integer.parseInt(p[0]), p[1], p[2]);
    }

    private static String problem(JsonNode at, String path, String message) {
        return at.line() + "|" + path + "|" + message;
    }

    /** Null when {@code node} is valid against {@code schema}, else "line|path|message". */
    private String check(JsonNode schema, JsonNode node, String path, String file) {
        if (schema.type() == JsonNode.Type.BOOLEAN) {
            return schema.asBoolean() ? null : problem(node, path, "not allowed here");
        }
        Map<String, JsonNode> s = schema.fields();
        if (s.containsKey("$ref")) {
            String ref = s.get("$ref").asString();
            if (!ref.startsWith("#/definitions/")) {
                throw new IllegalStateException("unsupported $ref " + ref);
            }
            JsonNode target = root.get("definitions").fields().get(ref.substring("#/definitions/".length()));
            if (target == null) {
                throw new IllegalStateException("unresolved $ref " + ref);
            }
            return check(target, node, path, file); // draft-07: keywords beside $ref are ignored
        }
        if (s.containsKey("type")) {
            JsonNode t = s.get("type");
            List<String> types = t.type() == JsonNode.Type.ARRAY ? t.items().stream().map(JsonNode::asString).toList()
                    : List.of(t.asString());
            if (types.stream().noneMatch(x -> hasType(node, x))) {
                return problem(node, path, "must be " + String.join(" or ", types) + ", is " + describe(node));
            }
        }
        if (s.containsKey("enum")) {
            boolean found = s.get("enum").items().stream().anyMatch(v -> same(v, node));
            if (!found) {
                return problem(node, path, "must be one of " + s.get("enum").items().stream().map(JsonNode::scalarValue).toList());
            }
        }
        if (s.containsKey("const") && !same(s.get("const"), node)) {
            return problem(node, path, "must be " + s.get("const").scalarValue());
        }
        if (node.type() == JsonNode.Type.STRING) {
            String v = node.asString();
            if (s.containsKey("pattern")) {
                String regex = s.get("pattern").asString();
                Pattern pattern = patterns.computeIfAbsent(regex, Pattern::compile);
                if (!pattern.matcher(v).find()) {
                    return problem(node, path, "\"" + abbreviate(v) + "\" does not match " + regex);
                }
            }
            if (s.containsKey("minLength") && v.codePointCount(0, v.length()) < s.get("minLength").asNumber().intValue()) {
                return problem(node, path, "shorter than " + s.get("minLength").asNumber());
            }
            if (s.containsKey("maxLength") && v.codePointCount(0, v.length()) > s.get("maxLength").asNumber().intValue()) {
                return problem(node, path, "longer than " + s.get("maxLength").asNumber());
            }
            if (s.containsKey("format")) {
                String f = s.get("format").asString();
                if (f.equals("uri") && !URI.matcher(v).matches()) {
                    return problem(node, path, "\"" + abbreviate(v) + "\" is not an absolute URI");
                }
            }
        }
        if (node.type() == JsonNode.Type.INTEGER || node.type() == JsonNode.Type.NUMBER) {
            BigDecimal v = new BigDecimal(node.asNumber().toString());
            if (s.containsKey("minimum") && v.compareTo(new BigDecimal(s.get("minimum").asNumber().toString())) < 0) {
                return problem(node, path, "must be at least " + s.get("minimum").asNumber());
            }
            if (s.containsKey("maximum") && v.compareTo(new BigDecimal(s.get("maximum").asNumber().toString())) > 0) {
                return problem(node, path, "must be at most " + s.get("maximum").asNumber());
            }
            if (s.containsKey("exclusiveMinimum") && v.compareTo(new BigDecimal(s.get("exclusiveMinimum").asNumber().toString())) <= 0) {
                return problem(node, path, "must be more than " + s.get("exclusiveMinimum").asNumber());
            }
            if (s.containsKey("exclusiveMaximum") && v.compareTo(new BigDecimal(s.get("exclusiveMaximum").asNumber().toString())) >= 0) {
                return problem(node, path, "must be less than " + s.get("exclusiveMaximum").asNumber());
            }
        }
        if (node.type() == JsonNode.Type.OBJECT) {
            if (s.containsKey("required")) {
                for (JsonNode r : s.get("required").items()) {
                    if (!node.fields().containsKey(r.asString())) {
                        return problem(node, path, "missing required field \"" + r.asString() + "\"");
                    }
                }
            }
            if (s.containsKey("minProperties") && node.fields().size() < s.get("minProperties").asNumber().intValue()) {
                return problem(node, path, "needs at least " + s.get("minProperties").asNumber() + " fields");
            }
            if (s.containsKey("maxProperties") && node.fields().size() > s.get("maxProperties").asNumber().intValue()) {
                return problem(node, path, "has more than " + s.get("maxProperties").asNumber() + " fields");
            }
            Map<String, JsonNode> props = s.containsKey("properties") ? s.get("properties").fields() : Map.of();
            for (Map.Entry<String, JsonNode> f : node.fields().entrySet()) {
                String child = path + "." + f.getKey();
                JsonNode sub = props.get(f.getKey());
                if (sub != null) {
                    String p = check(sub, f.getValue(), child, file);
                    if (p != null) {
                        return p;
                    }
                } else if (s.containsKey("additionalProperties")) {
                    JsonNode ap = s.get("additionalProperties");
                    if (ap.type() == JsonNode.Type.BOOLEAN && !ap.asBoolean()) {
                        return problem(f.getValue(), child, "unknown field \"" + f.getKey() + "\"");
                    }
                    String p = check(ap, f.getValue(), child, file);
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        if (node.type() == JsonNode.Type.ARRAY) {
            List<JsonNode> items = node.items();
            if (s.containsKey("minItems") && items.size() < s.get("minItems").asNumber().intValue()) {
                return problem(node, path, "needs at least " + s.get("minItems").asNumber() + " entries");
            }
            if (s.containsKey("maxItems") && items.size() > s.get("maxItems").asNumber().intValue()) {
                return problem(node, path, "has more than " + s.get("maxItems").asNumber() + " entries");
            }
            if (s.containsKey("uniqueItems") && s.get("uniqueItems").asBoolean()) {
                for (int i = 0; i < items.size(); i++) {
                    for (int j = i + 1; j < items.size(); j++) {
                        if (items.get(i).type() != JsonNode.Type.OBJECT && same(items.get(i), items.get(j))) {
                            return problem(items.get(j), path + "[" + j + "]", "duplicate entry");
                        }
                    }
                }
            }
            if (s.containsKey("items")) {
                for (int i = 0; i < items.size(); i++) {
                    String p = check(s.get("items"), items.get(i), path + "[" + i + "]", file);
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        if (s.containsKey("allOf")) {
            for (JsonNode sub : s.get("allOf").items()) {
                String p = check(sub, node, path, file);
                if (p != null) {
                    return p;
                }
            }
        }
        if (s.containsKey("anyOf")) {
            String best = null;
            boolean any = false;
            for (JsonNode sub : s.get("anyOf").items()) {
                String p = check(sub, node, path, file);
                if (p == null) {
                    any = true;
                    break;
                }
                best = best == null || depth(p) > depth(best) ? p : best;
            }
            if (!any) {
                return best; // the branch that got furthest names the likeliest problem
            }
        }
        if (s.containsKey("oneOf")) {
            int matches = 0;
            String first = null;
            for (JsonNode sub : s.get("oneOf").items()) {
                String p = check(sub, node, path, file);
                if (p == null) {
                    matches++;
                } else if (first == null) {
                    first = p;
                }
            }
            if (matches != 1) {
                return matches == 0 ? first : problem(node, path, "matches more than one allowed form");
            }
        }
        if (s.containsKey("not") && check(s.get("not"), node, path, file) == null) {
            return problem(node, path, "is a form that is not allowed here");
        }
        return null;
    }

    private static int depth(String problem) {
        String path = problem.split("\\|", 3)[1];
        return path.length();
    }

    private static boolean hasType(JsonNode node, String type) {
        return switch (type) {
            case "object" -> node.type() == JsonNode.Type.OBJECT;
            case "array" -> node.type() == JsonNode.Type.ARRAY;
            case "string" -> node.type() == JsonNode.Type.STRING;
            case "integer" -> node.type() == JsonNode.Type.INTEGER;
            case "number" -> node.type() == JsonNode.Type.INTEGER || node.type() == JsonNode.Type.NUMBER;
            case "boolean" -> node.type() == JsonNode.Type.BOOLEAN;
            case "null" -> node.type() == JsonNode.Type.NULL;
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.type() == JsonNode.Type.INTEGER || a.type() == JsonNode.Type.NUMBER) {
            return b.asNumber() != null && new BigDecimal(a.asNumber().toString()).compareTo(new BigDecimal(b.asNumber().toString())) == 0;
        }
        return a.type() == b.type() && java.util.Objects.equals(a.scalarValue(), b.scalarValue());
    }

    private static String describe(JsonNode node) {
        return node.type().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String v) {
        String one = v.replace("\n", "\\n");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
