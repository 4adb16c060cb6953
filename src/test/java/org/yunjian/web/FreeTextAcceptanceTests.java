package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 10, finding 5: every free-text field of every REST operation refuses NUL and a lone surrogate. The fields
 * are read from the application's own OpenAPI document, so an operation added later is tested without anyone
 * listing it: each string property of each JSON request body (nested objects and arrays included), and each
 * string query or form parameter of each operation that changes something, is sent once with {@code a\u0000b} and
 * once with the JSON escape {@code "\ud800"}; the answer must be a 400 validation problem naming that field and
 * the character, and no table may have gained or lost a row.
 */
@SpringBootTest
@AutoConfigureMockMvc
// the suite's common context (MockMvc and the party fixtures): one Spring start for all such classes
@org.yunjian.support.OnePass
@org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
@Tag("database")
class FreeTextAcceptanceTests {

    /**
     * Fields that are not free text, with the reason. Strings with a format (uuid, date, date-time, binary) or an
     * enum are not here: they are skipped because they fail parsing before any text is kept.
     */
    static final Map<String, String> NOT_FREE_TEXT = Map.of(
            "POST /api/login/totp code",
            "a six-digit one-time code for the MFA-pending session; compared, never stored");

    /**
     * Tables that may change while a refused request runs: the audit engineer records refusals; and the platform's
     * scheduled jobs write whenever their time comes, beside any request — the daily publication of the obligations
     * due (我的待办) with its notifications and deliveries, the digest, delivery retries, job leases. (In the
     * PostgreSQL run a delivery appeared during a refusal: a living context's job, not the request.)
     */
    static final Set<String> MAY_CHANGE = Set.of(
            "audit_event",
            "audit_anchor",
            "audit_head",
            "flyway_schema_history",
            "work_task",
            "work_scope",
            "notification",
            "notification_delivery",
            "job_lease",
            "cluster_node");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    record Field(String method, String path, Where where, String name, JsonNode body) {
        String key() {
            return method + " " + path + " " + name;
        }
    }

    enum Where {
        JSON_BODY,
        FORM,
        QUERY
    }

    @TestFactory
    Stream<DynamicTest> everyFreeTextFieldRefusesNulAndLoneSurrogates() throws Exception {
        // read as a logged-in administrator asking for JSON, as production serves the document (postgres profile);
        // an answer other than the document is reported with its status, body and exception
        MvcResult docs = mvc.perform(
                        get("/v3/api-docs").accept(MediaType.APPLICATION_JSON).with(as(admin())))
                .andReturn();
        String document = docs.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(docs.getResponse().getStatus())
                .as("/v3/api-docs answered %s %s", chain(docs.getResolvedException()), document)
                .isEqualTo(200);
        JsonNode api = JSON.readTree(document);
        List<Field> fields = fields(api);
        assertThat(fields)
                .as("string fields found in the OpenAPI document")
                .hasSizeGreaterThan(60)
                .extracting(Field::key)
                .contains(
                        "PUT /api/remediations/{id} note",
                        "POST /api/exit-projects/{id}/deletion-records scope",
                        "POST /api/organizations name",
                        "PUT /api/systems/{id}/private-notes notes",
                        "POST /api/engagements participants[0].role");
        return fields.stream()
                .filter(f -> !NOT_FREE_TEXT.containsKey(f.key()))
                .flatMap(f -> Stream.of(
                        DynamicTest.dynamicTest(
                                f.key() + " with NUL", () -> refused(f, "a\u0000b", "a\\u0000b", "U+0000")),
                        DynamicTest.dynamicTest(
                                f.key() + " with a lone surrogate",
                                () -> refused(f, "a\ud800b", "a\\ud800b", "U+D800"))));
    }

    private void refused(Field f, String raw, String jsonEscaped, String label) throws Exception {
        Map<String, Long> before = rowCounts();
        String path = f.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        RequestBuilder b;
        switch (f.where()) {
            case JSON_BODY -> {
                String marker = "\u2603MARK\u2603";
                JsonNode body = f.body().deepCopy();
                put(body, f.name(), marker);
                b = request(HttpMethod.valueOf(f.method()), path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body).replace(marker, jsonEscaped))
                        .with(as(admin()));
            }
            case FORM -> {
                var m = multipart(HttpMethod.valueOf(f.method()), path)
                        .file(new MockMultipartFile("file", "x.json", "application/json", "{}".getBytes()));
                b = m.param(f.name(), raw).with(as(admin()));
            }
            default ->
                b = request(HttpMethod.valueOf(f.method()), path)
                        .param(f.name(), raw)
                        .with(as(admin()));
        }
        MvcResult r = mvc.perform(b).andReturn();
        String answer = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus())
                .as(f.key() + " answered " + answer)
                .isEqualTo(400);
        JsonNode problem = JSON.readTree(answer);
        assertThat(problem.path("type").asString())
                .as(f.key() + " answered " + answer + " " + chain(r.getResolvedException()))
                .isEqualTo("urn:yunjian:problem:validation");
        assertThat(problem.path("errors").path(f.name()).asString())
                .as(answer)
                .contains(f.name())
                .contains(label);
        assertThat(rowCounts()).as("nothing stored").isEqualTo(before);
    }

    static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            b.append(" <- ").append(t);
        }
        return b.toString();
    }

    // --- reading the OpenAPI document

    private static List<Field> fields(JsonNode api) {
        List<Field> out = new ArrayList<>();
        api.path("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase();
            if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return; // reads keep nothing; their filters are checked by the same interceptor all the same
            }
            JsonNode operation = op.getValue();
            JsonNode content = operation.path("requestBody").path("content");
            JsonNode json = content.path("application/json").path("schema");
            if (!json.isMissingNode()) {
                JsonNode base = sample(api, json); // an object, or a list for a batch body
                strings(api, json, "")
                        .forEach(name -> out.add(new Field(method, p.getKey(), Where.JSON_BODY, name, base)));
            }
            JsonNode form = content.path("multipart/form-data").path("schema");
            if (!form.isMissingNode()) {
                JsonNode props = resolve(api, form).path("properties");
                props.properties().forEach(e -> {
                    if (isFreeText(resolve(api, e.getValue()))) {
                        out.add(new Field(method, p.getKey(), Where.FORM, e.getKey(), null));
                    }
                });
            }
            for (JsonNode param : operation.path("parameters")) {
                if ("query".equals(param.path("in").asString()) && isFreeText(resolve(api, param.path("schema")))) {
                    out.add(new Field(
                            method,
                            p.getKey(),
                            form.isMissingNode() ? Where.QUERY : Where.FORM,
                            param.path("name").asString(),
                            null));
                }
            }
        }));
        return out;
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asString();
            s = api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            for (JsonNode alt : s.has("oneOf") ? s.get("oneOf") : s.get("anyOf")) {
                if (!"null".equals(type(alt))) {
                    return resolve(api, alt);
                }
            }
        }
        return s;
    }

    private static String type(JsonNode s) {
        JsonNode t = s.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asString())) {
                    return x.asString();
                }
            }
        }
        return t.asString();
    }

    private static boolean isFreeText(JsonNode s) {
        return "string".equals(type(s)) && !s.has("enum") && !s.has("format");
    }

    /** Paths of the free-text strings under {@code schema}: {@code a}, {@code a.b}, {@code a[0]}. */
    private static List<String> strings(JsonNode api, JsonNode schema, String prefix) {
        JsonNode s = resolve(api, schema);
        List<String> out = new ArrayList<>();
        switch (type(s)) {
            case "object" ->
                s.path("properties")
                        .properties()
                        .forEach(e -> out.addAll(
                                strings(api, e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey())));
            case "array" -> out.addAll(strings(api, s.path("items"), prefix + "[0]"));
            case "string" -> {
                if (isFreeText(s)) {
                    out.add(prefix);
                }
            }
            default -> {
                if (s.has("properties")) {
                    s.path("properties")
                            .properties()
                            .forEach(e -> out.addAll(strings(
                                    api, e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey())));
                }
            }
        }
        return out;
    }

    /** A well-typed value for {@code schema}: the example where the document gives one. */
    private static JsonNode sample(JsonNode api, JsonNode schema) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        JsonNode s = resolve(api, schema);
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String format = s.path("format").asString();
        return switch (type(s)) {
            case "string" ->
                switch (format) {
                    case "uuid" -> n.stringNode(UUID.randomUUID().toString());
                    case "date" -> n.stringNode("2026-01-02");
                    case "date-time" -> n.stringNode("2026-01-02T03:04:05Z");
                    default -> n.stringNode("示例");
                };
            case "integer", "number" -> n.numberNode(1);
            case "boolean" -> n.booleanNode(false);
            case "array" -> n.arrayNode().add(sample(api, s.path("items")));
            default -> {
                ObjectNode o = n.objectNode();
                s.path("properties").properties().forEach(e -> o.set(e.getKey(), sample(api, e.getValue())));
                yield o;
            }
        };
    }

    /** Sets the value at a path made by {@link #strings}. */
    private static void put(JsonNode body, String path, String value) {
        JsonNode node = body;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            boolean last = i == parts.length - 1;
            if (part.contains("[")) {
                ArrayNode a = (ArrayNode) (name.isEmpty() ? node : node.get(name)); // "" = the body is a list
                if (last) {
                    a.set(0, JsonNodeFactory.instance.stringNode(value));
                } else {
                    node = a.get(0);
                }
            } else if (last) {
                ((ObjectNode) node).put(name, value);
            } else {
                node = node.get(name);
            }
        }
    }

    // --- nothing stored

    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String t : tables) {
            if (!MAY_CHANGE.contains(t.toLowerCase())) {
                counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class));
            }
        }
        return counts;
    }
}
