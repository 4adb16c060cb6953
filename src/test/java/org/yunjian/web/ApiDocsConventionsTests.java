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
}
