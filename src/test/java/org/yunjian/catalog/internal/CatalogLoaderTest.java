package org.yunjian.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.catalog.RequirementId;

class CatalogLoaderTest {

    private static final String VALID = """
            {
              "formatVersion": 1,
              "standard": {
                "code": "DEMO",
                "title": "示例标准",
                "titleEn": "Demo standard",
                "designation": "DEMO-2024",
                "sourceFile": "docs/standards/demo.txt",
                "phaseTerms": [ { "term": "退出服务", "phases": ["EXIT"] } ],
                "roleTerms": []
              },
              "requirements": [
                {
                  "id": "DEMO-9", "kind": "SECTION", "clause": "9", "item": null, "sourceLabel": null,
                  "numberingReconstructed": false, "parent": null, "title": "退出", "titleEn": "Exit",
                  "text": null, "textEn": null, "phaseInStandard": "退出服务", "phases": ["EXIT"], "roles": [],
                  "layer": null, "deploymentModels": [], "bold": false, "sourceLine": 1
                },
                {
                  "id": "DEMO-9-a", "kind": "ITEM", "clause": "9", "item": "a", "sourceLabel": "1.",
                  "numberingReconstructed": true, "parent": "DEMO-9", "title": null, "titleEn": null,
                  "text": "应要求云服务商完整返还客户数据", "textEn": "Require the provider to return all customer data.",
                  "phaseInStandard": "退出服务", "phases": ["EXIT"], "roles": ["CUSTOMER"],
                  "layer": null, "deploymentModels": ["PUBLIC"], "bold": false, "sourceLine": 3,
                  "corrections": [ { "field": "text", "original": "完整", "corrected": "完整", "note": "demo" } ]
                }
              ]
            }
            """;

    private final CatalogLoader loader = new CatalogLoader(schema());

    private static CatalogLoader.Source schema() {
        try (var in = CatalogLoaderTest.class.getResourceAsStream("/catalog/catalog.schema.json")) {
            return new CatalogLoader.Source("catalog.schema.json", in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CatalogLoader.Source file(String name, String content) {
        return new CatalogLoader.Source(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static int lineOf(String content, String fragment) {
        int at = content.indexOf(fragment);
        assertThat(at).as("fixture contains %s", fragment).isNotNegative();
        return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private CatalogLoadException rejection(String content) {
        Throwable thrown =
                org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(List.of(file("demo.json", content))));
        assertThat(thrown).isInstanceOf(CatalogLoadException.class);
        CatalogLoadException e = (CatalogLoadException) thrown;
        assertThat(e.file()).isEqualTo("demo.json");
        assertThat(e.getMessage()).startsWith("demo.json:" + e.line() + ": " + e.field() + ": ");
        return e;
    }

    @Test
    void loadsAWellFormedFileWithItsTree() {
        Catalog catalog = loader.load(List.of(file("demo.json", VALID)));
        assertThat(catalog.size()).isEqualTo(2);
        assertThat(catalog.children(RequirementId.of("DEMO-9")))
                .extracting(r -> r.id().value())
                .containsExactly("DEMO-9-a");
        assertThat(catalog.requirement(RequirementId.of("DEMO-9-a"))
                        .orElseThrow()
                        .text())
                .isEqualTo("应要求云服务商完整返还客户数据");
    }

    @Test
    void rejectsMissingRequiredFieldNamingFileLineAndField() {
        String broken = VALID.replace("\"titleEn\": \"Demo standard\",\n", "");
        CatalogLoadException e = rejection(broken);
        assertThat(e.field()).isEqualTo("$.standard.titleEn");
        assertThat(e.line()).isEqualTo(lineOf(broken, "\"standard\""));
        assertThat(e.getMessage()).contains("required property 'titleEn' not found");
    }

    @Test
    void rejectsUnknownEnumValueAtItsLine() {
        String broken = VALID.replace("\"roles\": [\"CUSTOMER\"]", "\"roles\": [\"LANDLORD\"]");
        CatalogLoadException e = rejection(broken);
        assertThat(e.field()).isEqualTo("$.requirements[1].roles[0]");
        assertThat(e.line()).isEqualTo(lineOf(broken, "LANDLORD"));
        assertThat(e.getMessage()).contains("LANDLORD");
    }

    @Test
    void rejectsUnknownField() {
        String broken = VALID.replace(
                "\"bold\": false, \"sourceLine\": 3,", "\"bold\": false, \"sourceLine\": 3, \"colour\": \"red\",");
        CatalogLoadException e = rejection(broken);
        assertThat(e.field()).isEqualTo("$.requirements[1].colour");
        assertThat(e.line()).isEqualTo(lineOf(broken, "colour"));
    }

    @Test
    void rejectsEmptyVerbatimText() {
        String broken = VALID.replace("\"text\": \"应要求云服务商完整返还客户数据\"", "\"text\": \"\"");
        CatalogLoadException e = rejection(broken);
        assertThat(e.field()).isEqualTo("$.requirements[1].text");
        assertThat(e.line()).isEqualTo(lineOf(broken, "\"text\": \"\""));
    }

    @Test
    void rejectsMalformedJsonWithItsLine() {
        String broken = VALID.replace("\"designation\": \"DEMO-2024\",", "\"designation\": \"DEMO-2024\"");
        CatalogLoadException e = rejection(broken);
        assertThat(e.line()).isEqualTo(lineOf(broken, "\"sourceFile\""));
        assertThat(e.getMessage()).contains("malformed JSON");
    }

    @Test
    void rejectsDuplicateKeys() {
        String broken = VALID.replace("\"code\": \"DEMO\",", "\"code\": \"DEMO\", \"code\": \"DEMO\",");
        CatalogLoadException e = rejection(broken);
        assertThat(e.getMessage()).contains("code");
        assertThat(e.line()).isEqualTo(lineOf(broken, "\"code\""));
    }

    @Test
    void rejectsMalformedRequirementId() {
        String broken = VALID.replace("\"id\": \"DEMO-9-a\"", "\"id\": \"demo 9 a\"");
        CatalogLoadException e = rejection(broken);
        assertThat(e.field()).isEqualTo("$.requirements[1].id");
        assertThat(e.line()).isEqualTo(lineOf(broken, "demo 9 a"));
    }

    @Test
    void rejectsIdThatDisagreesWithClauseAndItem() {
        String broken = VALID.replace("\"id\": \"DEMO-9-a\"", "\"id\": \"DEMO-9-b\"");
        CatalogLoadException e = rejection(broken);
        assertThat(e.field()).isEqualTo("requirements[1].id");
        assertThat(e.getMessage()).contains("expected DEMO-9-a");
    }

    @Test
    void rejectsUnknownParent() {
        String broken = VALID.replace("\"parent\": \"DEMO-9\"", "\"parent\": \"DEMO-8\"");
        CatalogLoadException e = rejection(broken);
        assertThat(e.field()).isEqualTo("requirements[1].parent");
        assertThat(e.line()).isEqualTo(lineOf(broken, "DEMO-8"));
    }

    @Test
    void rejectsCorrectionOfTextThatIsNotThere() {
        String broken = VALID.replace("\"original\": \"完整\"", "\"original\": \"删除\"");
        CatalogLoadException e = rejection(broken);
        assertThat(e.field()).isEqualTo("requirements[1].corrections[0]");
        assertThat(e.getMessage()).contains("删除");
    }

    @Test
    void rejectsTheSameStandardInTwoFiles() {
        assertThatThrownBy(() -> loader.load(List.of(file("a.json", VALID), file("b.json", VALID))))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("b.json")
                .hasMessageContaining("already defined in a.json");
    }

    private static final String OTHER =
            VALID.replace("\"code\": \"DEMO\"", "\"code\": \"OTHER\"").replace("DEMO-9", "OTHER-9");

    @Test
    void loadsCrossReferencesBetweenStandards() {
        String mappings = """
                { "formatVersion": 1, "mappings": [
                  { "from": "DEMO-9-a", "to": "OTHER-9-a", "relation": "EQUAL", "topic": "EXIT_DATA_RETURN", "rationale": "same" }
                ] }
                """;
        Catalog catalog = loader.load(
                List.of(file("demo.json", VALID), file("other.json", OTHER)), List.of(file("map.json", mappings)));
        assertThat(catalog.mappings(RequirementId.of("OTHER-9-a")))
                .singleElement()
                .satisfies(m ->
                        assertThat(m.other(RequirementId.of("OTHER-9-a"))).isEqualTo(RequirementId.of("DEMO-9-a")));
    }

    @Test
    void rejectsCrossReferenceToAnUnknownRequirementAtItsLine() {
        String mappings = """
                { "formatVersion": 1, "mappings": [
                  { "from": "DEMO-9-a",
                    "to": "OTHER-9-z", "relation": "EQUAL", "topic": "EXIT_DATA_RETURN", "rationale": "same" }
                ] }
                """;
        assertThatThrownBy(() -> loader.load(
                        List.of(file("demo.json", VALID), file("other.json", OTHER)),
                        List.of(file("map.json", mappings))))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessage("map.json:3: mappings[0].to: unknown requirement OTHER-9-z");
    }

    @Test
    void rejectsCrossReferenceWithAnUnknownRelation() {
        String mappings = """
                { "formatVersion": 1, "mappings": [
                  { "from": "DEMO-9-a", "to": "OTHER-9-a", "relation": "SIMILAR", "topic": "X", "rationale": "r" }
                ] }
                """;
        assertThatThrownBy(() -> loader.load(
                        List.of(file("demo.json", VALID), file("other.json", OTHER)),
                        List.of(file("map.json", mappings))))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageStartingWith("map.json:2: $.mappings[0].relation:");
    }

    @Test
    void applicationRefusesToStartWithAHalfLoadableCatalog(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.json"), VALID);
        Files.writeString(
                dir.resolve("b-bad.json"),
                VALID.replace("\"code\": \"DEMO\"", "\"code\": \"OTHER\"")
                        .replace("\"kind\": \"ITEM\"", "\"kind\": \"PARAGRAPH\""));
        new ApplicationContextRunner()
                .withUserConfiguration(CatalogConfiguration.class)
                .withPropertyValues("yunjian.catalog.location=" + dir.toUri())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(CatalogLoadException.class)
                            .hasMessageContaining("b-bad.json")
                            .hasMessageContaining("PARAGRAPH");
                });
    }

    /**
     * The build's check of the shipped files against the schema, which a start of the application leaves out
     * ({@link CatalogLoader#forShippedFiles}): every shipped file, through the checking loader.
     */
    @Test
    void shippedFilesMatchTheSchema() throws IOException {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        List<CatalogLoader.Source> files = new java.util.ArrayList<>();
        for (var r : resolver.getResources("classpath:catalog/*.json")) {
            if (!r.getFilename().equals("catalog.schema.json")) {
                files.add(new CatalogLoader.Source(r.getFilename(), r.getContentAsByteArray()));
            }
        }
        List<CatalogLoader.Source> mappings = new java.util.ArrayList<>();
        for (var r : resolver.getResources("classpath:catalog/mappings/*.json")) {
            mappings.add(new CatalogLoader.Source(r.getFilename(), r.getContentAsByteArray()));
        }
        assertThat(files).hasSize(5);
        assertThat(mappings).isNotEmpty();
        Catalog checked = loader.load(files, mappings);
        assertThat(checked.size()).isEqualTo(CatalogLoading.fromClasspath().size());
    }

    /** A catalog from anywhere but the application's own classes is checked against the schema. */
    @Test
    void aCatalogFromAnotherLocationIsCheckedAgainstTheSchema(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("demo.json"), VALID.replace("\"bold\": false", "\"bold\": false, \"colour\": 1"));
        assertThatThrownBy(() -> CatalogLoading.from(dir.toUri().toString()))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageStartingWith("demo.json:")
                .hasMessageContaining("colour");
        Files.writeString(dir.resolve("demo.json"), VALID);
        assertThat(CatalogLoading.from(dir.toUri().toString()).standards()).hasSize(1);
    }

    @Test
    void shippedCatalogLoadsThroughSpring() {
        new ApplicationContextRunner()
                .withUserConfiguration(CatalogConfiguration.class)
                .run(context ->
                        assertThat(context.getBean(Catalog.class).standards()).isNotEmpty());
    }

    @Test
    void schemaWithAKeywordTheValidatorDoesNotKnowIsRefused() {
        String schema = "{ \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
                + " \"maxProperty\": 3, \"$defs\": { \"mappingFile\": { \"type\": \"object\" } } }";
        assertThatThrownBy(() -> new CatalogLoader(file("s.json", schema))).hasMessageContaining("maxProperty");
    }
}
