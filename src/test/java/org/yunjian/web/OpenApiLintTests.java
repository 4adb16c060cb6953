package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.support.Redocly;
import org.yunjian.support.Scratch;

/**
 * Issue 60: the OpenAPI document as an external linter reads it — {@code @redocly/cli lint} with the ruleset of
 * {@code redocly.yaml} finds no error (it found 300). Its warnings are printed, not failed on.
 */
// the document does not depend on the database: the H2 pass only (support.OnePass)
@org.yunjian.support.OnePass
@SpringBootTest
// the suite's common context (MockMvc and the party fixtures), not one of its own (docs/performance.md, "CI time")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
class OpenApiLintTests {

    @Autowired
    MockMvc mvc;

    @Test
    void redoclyFindsNoErrorInTheDocument() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Path file = Scratch.directory("yunjian-openapi-").resolve("openapi.json");
        Files.writeString(file, docs);
        String report = Redocly.lint(file, Path.of("redocly.yaml").toAbsolutePath());
        List<Map<String, Object>> problems = JsonPath.read(report, "$.problems");
        List<String> errors = problems.stream()
                .filter(p -> "error".equals(p.get("severity")))
                .map(OpenApiLintTests::line)
                .toList();
        List<String> warnings = problems.stream()
                .filter(p -> !"error".equals(p.get("severity")))
                .map(OpenApiLintTests::line)
                .toList();
        System.out.println("@redocly/cli " + Redocly.VERSION + " lint: " + errors.size() + " errors, " + warnings.size()
                + " warnings" + warnings.stream().map(w -> "\n  " + w).collect(Collectors.joining()));
        assertThat(JsonPath.<Integer>read(report, "$.totals.errors")).isEqualTo(errors.size());
        assertThat(errors).as("@redocly/cli lint errors").isEmpty();
    }

    @Test
    void theBuildInstallsTheVersionTheTestRuns() throws Exception {
        // .ci/run installs the CLI ahead of the tests; another version there would be downloaded again by the test
        assertThat(Files.readString(Path.of(".ci/run"))).contains("REDOCLY_VERSION=" + Redocly.VERSION + "\n");
    }

    private static String line(Map<String, Object> p) {
        List<String> where = JsonPath.read(p, "$.location[*].pointer");
        return p.get("ruleId") + " " + where + ": " + p.get("message");
    }
}
