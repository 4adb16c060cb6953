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
                if (r.text() != null && (r.kind() != RequirementKind.ITEM || r.sourceLine() == null)) {
                    soft.assertThat(source).as(r.id() + " text").contains(r.text());
                }
                if (r.title() != null && r.titleSource() == null) {
                    soft.assertThat(source).as(r.id() + " title").contains(r.title());
                }
                if (r.sourceLine() != null) {
                    soft.assertThat(r.sourceLine()).as(r.id() + " line").isBetween(1, lines.size());
                    if (r.kind() == RequirementKind.ITEM) {
                        soft.assertThat(coveredFrom(r.text(), lines, r.sourceLine()))
                                .as(r.id() + " text starts at source line " + r.sourceLine())
                                .isTrue();
                    } else if (r.title() != null && r.titleSource() == null) {
                        soft.assertThat(lines.get(r.sourceLine() - 1))
                                .as(r.id() + " title at line " + r.sourceLine())
                                .contains(r.title());
                    }
                }
                for (Requirement.Note n : r.notes()) {
                    soft.assertThat(source).as(r.id() + " note").contains(n.text());
                    soft.assertThat(n.textEn()).as(r.id() + " note English").isNotBlank();
                }
                for (Requirement.Footnote f : r.footnotes()) {
                    soft.assertThat(source).as(r.id() + " footnote").contains(f.text());
                }
            }
        }
        soft.assertAll();
    }

    /**
     * Whether {@code text} is the concatenation of pieces of consecutive non-blank source lines
     * starting at {@code line}: an item's text is on its line, or continues on the next lines where a
     * page or table-row break split it.
     */
    static boolean coveredFrom(String text, List<String> lines, int line) {
        int pos = 0;
        for (int i = line - 1; i < Math.min(lines.size(), line + 5) && pos < text.length(); i++) {
            String source = lines.get(i);
            if (source.isBlank()) {
                continue;
            }
            int k = text.length() - pos;
            while (k > 0 && !source.contains(text.substring(pos, pos + k))) {
                k--;
            }
            if (k == 0) {
                return false;
            }
            pos += k;
        }
        return pos == text.length();
    }

    @Test
    void continuedTextIsRecognisedButAForeignFragmentIsNot() {
        List<String> lines = List.of("a) 第一行的开头", "", "接着的第二行。", "别的段落");
        assertThat(coveredFrom("第一行的开头接着的第二行。", lines, 1)).isTrue();
        assertThat(coveredFrom("第一行的开头别的段落", lines, 1)).isFalse();
        assertThat(coveredFrom("第一行", lines, 3)).isFalse();
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
                    assertThat(standard.phaseTerms())
                            .as(r.id() + " phase term " + r.phaseInStandard())
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
