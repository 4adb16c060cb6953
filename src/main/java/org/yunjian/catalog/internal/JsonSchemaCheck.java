package org.yunjian.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.utils.JsonNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * JSON Schema validation by networknt's json-schema-validator, reporting each problem with the line it is on:
 * the document is read into location-aware Jackson nodes, so a violation's instance node knows its line. A
 * keyword the validator does not know fails when the schema is built (a schema can never say more than is
 * checked); the messages come in the reader's language (networknt ships Chinese and English texts).
 *
 * <p>The document must already have passed {@link LocatedJsonReader} (well-formed, no duplicate keys, within the
 * nesting limit), which reports those problems with their line first.
 */
final class JsonSchemaCheck {

    /** One violation: 1-based line (0 when unknown), JSON path of the field, and the problem in the reader's language. */
    record Problem(int line, String path, String message) {}

    private static final JsonNodeReader LOCATED =
            JsonNodeReader.builder().locationAware().build();
    private static final java.util.Map<String, JsonSchemaCheck> OSCAL = new java.util.concurrent.ConcurrentHashMap<>();

    private final JsonSchema schema;

    private JsonSchemaCheck(JsonSchema schema) {
        this.schema = schema;
        schema.initializeValidators(); // resolve every $ref now: a broken schema fails at start, not on the first file
    }

    /** The official OSCAL catalog JSON schema (draft-07) shipped in liboscal-java under {@code schema/json/}. */
    static JsonSchemaCheck oscalCatalog() {
        return oscal(OscalModel.JSON_SCHEMA);
    }

    /** One of the official OSCAL JSON schemas (draft-07) shipped in liboscal-java, e.g. {@code schema/json/oscal-ssp_schema.json}. */
    static JsonSchemaCheck oscal(String resource) {
        return OSCAL.computeIfAbsent(resource, r -> {
            // OSCAL 1.1.x's generated schema nests a few field schemas under their own name ("value": {"value": …}),
            // which is no draft-07 keyword; draft-07 ignores it, and so do we. Any other unknown keyword fails.
            JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keyword(new NonValidationKeyword("id"))
                    .keyword(new NonValidationKeyword("identifier"))
                    .keyword(new NonValidationKeyword("number"))
                    .keyword(new NonValidationKeyword("value"))
                    .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                    .build();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V7, b -> b.metaSchema(meta).jsonNodeReader(LOCATED));
            return new JsonSchemaCheck(factory.getSchema(read(classpath(r)), config()));
        });
    }

    /**
     * A JSON Schema 2020-12 document (the catalog data files' schema), or its {@code $defs} entry {@code definition}
     * when not null.
     */
    static JsonSchemaCheck draft2020(byte[] schemaJson, String definition) {
        JsonNode root = read(schemaJson);
        if (definition != null) {
            ObjectNode wrapper = ((ObjectNode) root).deepCopy();
            wrapper.retain("$schema", "$defs");
            wrapper.put("$ref", "#/$defs/" + definition);
            root = wrapper;
        }
        JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012, b -> b.metaSchema(meta).jsonNodeReader(LOCATED));
        return new JsonSchemaCheck(factory.getSchema(root, config()));
    }

    private static SchemaValidatorsConfig config() {
        return SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
    }

    /** Every violation of {@code content} (UTF-8 JSON), in document order; empty when it is valid. */
    List<Problem> validate(byte[] content) {
        Locale locale = Texts.locale();
        List<Problem> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(
                new String(content, StandardCharsets.UTF_8), InputFormat.JSON, ctx -> ctx.getExecutionConfig()
                        .setLocale(locale))) {
            out.add(problem(m));
        }
        // the deepest problem first: where a form offers alternatives (anyOf / oneOf), the branch that got furthest
        // names the likeliest mistake; problems at the same depth in document order
        out.sort(Comparator.comparingInt((Problem p) -> -depth(p.path()))
                .thenComparingInt(Problem::line)
                .thenComparing(Problem::path));
        return out;
    }

    private static int depth(String path) {
        int d = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                d++;
            }
        }
        return d;
    }

    /**
     * The line of the offending field where the message names one (an unknown or missing property: the field
     * itself, or the object that lacks it), else of the instance.
     */
    private static Problem problem(ValidationMessage m) {
        JsonNode at = m.getInstanceNode();
        String path = m.getInstanceLocation().toString();
        String property = m.getProperty();
        if (property != null && !property.isEmpty()) {
            path = path + "." + property;
            if (at != null && at.has(property)) {
                at = at.get(property);
            }
        }
        int line = at == null || JsonNodes.tokenLocationOf(at) == null
                ? 0
                : JsonNodes.tokenLocationOf(at).getLineNr();
        String text = text(m);
        if (at != null && at.isValueNode() && !at.isNull() && VALUE_TYPES.contains(m.getType())) {
            text = Msg.of("catalog.error.schemaValue", abbreviate(at.asText()), text)
                    .text();
        }
        return new Problem(Math.max(line, 0), path, text);
    }

    /** Problems about a value, which the message names (networknt's text does not). */
    private static final java.util.Set<String> VALUE_TYPES = java.util.Set.of(
            "enum", "const", "pattern", "format", "type", "minLength", "maxLength", "minimum", "maximum");

    private static String abbreviate(String v) {
        String one = v.replace("\n", "\\n");
        return one.length() > 60 ? one.substring(0, 57) + "…" : one;
    }

    /** networknt's text without the leading instance path it repeats ("$.a.b: is missing …" → "is missing …"). */
    private static String text(ValidationMessage m) {
        String message = m.getMessage();
        String prefix = m.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The first problem as a {@link CatalogFileException}, with how many more there are. */
    static CatalogFileException first(String file, List<Problem> problems) {
        Problem p = problems.get(0);
        Msg problem = problems.size() == 1
                ? Msg.of("catalog.error.schema", p.message())
                : Msg.of("catalog.error.schema.more", p.message(), problems.size() - 1);
        return new CatalogFileException(file, p.line(), p.path(), problem);
    }

    private static JsonNode read(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] classpath(String resource) {
        try (InputStream in = JsonSchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
