package org.yunjian.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/** Reads JSON into {@link JsonNode}s with line numbers; rejects duplicate keys and trailing content. */
final class LocatedJsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private LocatedJsonReader() {}

    /** @throws CatalogFileException for malformed JSON, naming file and line */
    static JsonNode read(String file, byte[] content) {
        return read(file, content, Integer.MAX_VALUE);
    }

    /** As {@link #read(String, byte[])}, refusing objects and arrays nested deeper than {@code maxDepth}. */
    static JsonNode read(String file, byte[] content, int maxDepth) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new CatalogFileException(file, 1, "$", "emptyFile");
            }
            JsonNode root = readValue(parser, file, 1, maxDepth);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new CatalogFileException(
                        file, parser.currentTokenLocation().getLineNr(), "$", "trailingContent");
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            throw new CatalogFileException(file, line, "$", "malformedJson", e.getOriginalMessage());
        }
    }

    private static JsonNode readValue(JsonParser parser, String file, int depth, int maxDepth) {
        TokenStreamLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (depth > maxDepth && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            throw new CatalogFileException(file, line, "$", CatalogExchangeService.tooDeep(maxDepth));
        }
        switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    fields.put(name, readValue(parser, file, depth + 1, maxDepth));
                }
                return JsonNode.object(fields, line, column);
            }
            case START_ARRAY -> {
                List<JsonNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file, depth + 1, maxDepth));
                }
                return JsonNode.array(items, line, column);
            }
            case VALUE_STRING -> {
                return JsonNode.scalar(JsonNode.Type.STRING, parser.getString(), line, column);
            }
            case VALUE_NUMBER_INT -> {
                return JsonNode.scalar(JsonNode.Type.INTEGER, parser.getNumberValue(), line, column);
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonNode.scalar(JsonNode.Type.NUMBER, parser.getNumberValue(), line, column);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNode.scalar(JsonNode.Type.BOOLEAN, parser.getBooleanValue(), line, column);
            }
            case VALUE_NULL -> {
                return JsonNode.scalar(JsonNode.Type.NULL, null, line, column);
            }
            default -> throw new IllegalStateException("unexpected token " + token);
        }
    }
}
