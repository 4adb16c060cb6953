package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Properties every standard in the catalog keeps, whatever its source format. */
class CatalogFaithfulnessTest {

    private final Catalog catalog = TestCatalogs.shipped();

    @Test
    void everyVerbatimTextAndTitleOccursInItsSourceFile() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (Standard standard : catalog.standards()) {
            String source = Files.readString(Path.of(standard.sourceFile()), StandardCharsets.UTF_8);
            List<String> lines = List.of(source.split("\n", -1));
            for (Requirement r : catalog.requirements(standard.code())) {
                if (r.text() != null) {
                    soft.assertThat(source).as(r.id() + " text").contains(r.text());
                }
                if (r.title() != null && r.titleSource() == null) {
                    soft.assertThat(source).as(r.id() + " title").contains(r.title());
                }
                if (r.sourceLine() != null) {
                    soft.assertThat(r.sourceLine()).as(r.id() + " line").isBetween(1, lines.size());
                    String line = lines.get(r.sourceLine() - 1);
                    String anchor = r.kind() == RequirementKind.ITEM ? r.text() : r.title();
                    soft.assertThat(line).as(r.id() + " source line " + r.sourceLine()).contains(anchor);
                }
                for (Requirement.Footnote f : r.footnotes()) {
                    soft.assertThat(source).as(r.id() + " footnote").contains(f.text());
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void everyItemHasAnEnglishRenderingAndBindsARole() {
        for (Requirement r : catalog.find(RequirementFilter.items())) {
            assertThat(r.textEn()).as(r.id() + " English").isNotBlank();
            assertThat(r.roles()).as(r.id() + " roles").isNotEmpty();
            assertThat(r.phases()).as(r.id() + " phases").isNotEmpty();
        }
    }

    @Test
    void phaseTermsOfAStandardMapTheTermsItsRequirementsUse() {
        for (Standard standard : catalog.standards()) {
            for (Requirement r : catalog.requirements(standard.code())) {
                if (r.phaseInStandard() != null) {
                    assertThat(standard.phaseTerms()).as(r.id() + " phase term " + r.phaseInStandard())
                            .anySatisfy(t -> assertThat(t.term()).isEqualTo(r.phaseInStandard()));
                }
            }
        }
    }

    @Test
    void sourceFilesAreKeptInTheRepository() {
        for (Standard standard : catalog.standards()) {
            assertThat(Path.of(standard.sourceFile())).as(standard.code()).isRegularFile();
        }
        assertThat(Path.of("docs/standards/README.md")).isRegularFile();
    }
}
