package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 60, the OpenAPI document as generators and linters read it: security schemes for the API token, the session
 * cookie and its CSRF header, required on every operation but the public ones; 401 documented on each of those;
 * every error response an RFC 9457 problem as {@code application/problem+json}, never a string of any media type; each
 * tag declared once.
 */
@SpringBootTest
// the suite's common context (MockMvc and the party fixtures), not one of its own (docs/performance.md, "CI time")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
class ApiDocsConventionsTests {

    @Autowired
    WebApplicationContext context;

    @Test
    @WithMockUser(roles = "USER")
    void theDocumentSaysHowToAuthenticateAndTypesEveryErrorAsAProblem() throws Exception {
        String docs = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build()
                .perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Map<String, Object>> schemes = JsonPath.read(docs, "$.components.securitySchemes");
        assertThat(schemes).containsKeys("apiToken", "sessionCookie", "csrfHeader");
        assertThat(schemes.get("apiToken")).containsEntry("type", "http").containsEntry("scheme", "bearer");
        assertThat(schemes.get("csrfHeader")).containsEntry("in", "header").containsEntry("name", "X-CSRF-TOKEN");
        assertThat(JsonPath.<List<Object>>read(docs, "$.security")).hasSize(2);

        // the public check asks for nothing; an ordinary operation documents 401
        assertThat(JsonPath.<List<Object>>read(docs, "$.paths['/api/report-check'].get.security"))
                .isEmpty();
        assertThat(JsonPath.<Map<String, Object>>read(docs, "$.paths['/api/report-check'].get.responses"))
                .doesNotContainKey("401");
        Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
        // operation ids a generated client keeps: named by controller and method, unique without springdoc's _1, _2
        List<String> ids = JsonPath.read(docs, "$.paths.*.*.operationId");
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+$"));
        assertThat(JsonPath.<String>read(docs, "$.paths['/api/systems'].post.operationId"))
                .isEqualTo("systemCreate");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                Map<String, Map<String, Object>> responses =
                        (Map<String, Map<String, Object>>) operation.get("responses");
                boolean open = operation.containsKey("security") && ((List<?>) operation.get("security")).isEmpty();
                if (!open) {
                    assertThat(responses).as(op.getKey() + " " + path.getKey()).containsKey("401");
                }
                for (var r : responses.entrySet()) {
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                        Object content = r.getValue().get("content");
                        if (content != null) {
                            assertThat(((Map<String, Object>) content).keySet())
                                    .as(r.getKey() + " of " + op.getKey() + " " + path.getKey())
                                    .containsExactly("application/problem+json");
                        }
                    }
                }
                operations++;
            }
        }
        assertThat(operations).isGreaterThan(200);
        List<String> tags = JsonPath.read(docs, "$.tags[*].name");
        assertThat(tags).doesNotHaveDuplicates().contains("lifecycle");
    }

    /**
     * Each status the reviewed authorisation matrix saw an operation answer ({@code authz/expected.csv}: 6,000 calls)
     * is one the document names for it — 201 on a create, 204 on a delete, 403, 404, 409 where they happen — and
     * springdoc's generic "every advice on every operation" is gone: a list with no path id documents no 404 and a
     * read no 409; 412 and 428 where If-Match is taken; each upload a multipart body with a binary file.
     */
    @Test
    @WithMockUser(roles = "USER")
    void eachOperationDocumentsTheStatusesItAnswers() throws Exception {
        String docs = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build()
                .perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(docs, "$.paths");
        java.util.Set<String> missing = new java.util.TreeSet<>();
        int checked = 0;
        try (var in = getClass().getResourceAsStream("/authz/expected.csv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] cells = line.split(",");
                if (line.startsWith("#") || cells.length < 4 || !cells[0].contains(" /api/")) {
                    continue;
                }
                String status = cells[cells.length - 1].strip();
                if (!List.of("200", "201", "204", "400", "403", "404", "409").contains(status)) {
                    continue; // 401 is the first test's; 406 and 415 are content negotiation's
                }
                String[] endpoint = cells[0].split(" ");
                Map<String, Object> op =
                        paths.getOrDefault(endpoint[1], Map.of()).get(endpoint[0].toLowerCase(java.util.Locale.ROOT));
                if (op == null) {
                    missing.add(cells[0] + " (not in the document)");
                } else if (!((Map<?, ?>) op.get("responses")).containsKey(status)) {
                    missing.add(cells[0] + " " + status);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(missing)
                .as("statuses the matrix saw that the document does not name")
                .isEmpty();

        assertThat(responses(paths, "/api/systems", "post")).containsKey("201").doesNotContainKey("200");
        assertThat(responses(paths, "/api/systems/{id}", "delete"))
                .containsKey("204")
                .doesNotContainKey("200");
        assertThat(responses(paths, "/api/systems", "get"))
                .containsKeys("200", "400", "401", "403", "503")
                .doesNotContainKeys("404", "409", "412", "428");
        assertThat(responses(paths, "/api/assessment-items/{id}/observations", "put"))
                .containsKeys("404", "409", "412", "428");
        // two answers, both documented with the body they carry
        for (String[] op : new String[][] {
            {"/api/users/{id}", "put", "200", "202"},
            {"/api/systems/{id}/responsibility/oscal-ssp", "post", "200", "201"}
        }) {
            Map<String, Map<String, Object>> r = (Map) responses(paths, op[0], op[1]);
            assertThat(r).as(op[0]).containsKeys(op[2], op[3]);
            assertThat(r.get(op[2])).as(op[0] + " " + op[2]).containsKey("content");
            assertThat(r.get(op[3])).as(op[0] + " " + op[3]).containsKey("content");
        }
        assertThat(responses(paths, "/api/systems/{id}/responsibility/oscal-ssp", "post"))
                .containsKeys("412", "428");
        assertThat(JsonPath.<Map<String, Object>>read(docs, "$.components.responses.PreconditionFailed.content"))
                .containsOnlyKeys("application/problem+json");

        var mappings = context.getBean(
                "requestMappingHandlerMapping",
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class);
        int uploads = 0;
        for (var e : mappings.getHandlerMethods().entrySet()) {
            boolean upload = java.util.Arrays.stream(e.getValue().getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == org.springframework.web.multipart.MultipartFile.class);
            var patterns = e.getKey().getPathPatternsCondition();
            if (!upload || patterns == null) {
                continue;
            }
            for (String path : patterns.getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    if (!path.startsWith("/api/")) {
                        continue;
                    }
                    Map<String, Object> body = JsonPath.read(
                            docs,
                            "$.paths['" + path + "']." + method.name().toLowerCase(java.util.Locale.ROOT)
                                    + ".requestBody.content");
                    assertThat(body).as(method + " " + path).containsOnlyKeys("multipart/form-data");
                    assertThat(JsonPath.<List<Object>>read(
                                    body, "$['multipart/form-data'].schema.properties..[?(@.format == 'binary')]"))
                            .as(method + " " + path)
                            .isNotEmpty();
                    uploads++;
                }
            }
        }
        assertThat(uploads).isGreaterThanOrEqualTo(15);
    }

    private static Map<String, Object> responses(
            Map<String, Map<String, Map<String, Object>>> paths, String path, String method) {
        return (Map<String, Object>) paths.get(path).get(method).get("responses");
    }
}
