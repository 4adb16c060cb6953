package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * GB/T 31167-2014 §9 against its working copy: every clause with its lead-in, every numbered item
 * verbatim, with the standard's lettering restored (the copy's 1. 2. 3. are a) b) c), and the items
 * after one ending in '：' are its numbered sub-items).
 */
class GbtExitCatalogCompletenessTest {

    private static final Path FILE = Path.of("docs/standards/gbt-31167-2014-s9-exit.md");
    private static final Pattern CLAUSE = Pattern.compile("^##\\s*([0-9]+\\.[0-9]+)\\s*(\\S.*?)\\s*$");
    private static final Pattern ITEM = Pattern.compile("^([0-9]+)\\.\\s+(\\S.*?)\\s*$");
    private static final Pattern FOOTNOTE = Pattern.compile("^\\[\\^([0-9]+)\\]:\\s*(.*?)\\s*$");

    private final Catalog catalog = TestCatalogs.shipped();

    record Expected(String id, String parent, String label, int line, String text) {}

    record Clause(String clause, String title, String lead, List<Expected> items) {}

    private static List<Clause> parse() throws IOException {
        List<String> lines =
                List.of(Files.readString(FILE, StandardCharsets.UTF_8).split("\n", -1));
        List<Clause> clauses = new ArrayList<>();
        Clause current = null;
        String lead = null;
        char letter = 0;
        String openParent = null;
        int sub = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher c = CLAUSE.matcher(line);
            Matcher it = ITEM.matcher(line);
            if (c.matches()) {
                current = new Clause(c.group(1), c.group(2), null, new ArrayList<>());
                clauses.add(current);
                letter = 0;
                openParent = null;
            } else if (current != null && it.matches()) {
                String id;
                String parent;
                if (openParent != null) {
                    id = openParent + "-" + ++sub;
                    parent = openParent;
                } else {
                    letter = letter == 0 ? 'a' : (char) (letter + 1);
                    id = "GBT31167-" + current.clause() + "-" + letter;
                    parent = "GBT31167-" + current.clause();
                }
                current.items().add(new Expected(id, parent, it.group(1) + ".", i + 1, it.group(2)));
                if (it.group(2).endsWith("：") && openParent == null) {
                    openParent = id;
                    sub = 0;
                }
            } else if (current != null
                    && !line.isEmpty()
                    && !line.startsWith("#")
                    && !FOOTNOTE.matcher(line).matches()) {
                assertThat(current.lead())
                        .as("one lead-in paragraph in %s", current.clause())
                        .isNull();
                current = new Clause(current.clause(), current.title(), line, current.items());
                clauses.set(clauses.size() - 1, current);
            }
        }
        return clauses;
    }

    @Test
    void everyClauseAndItemIsPresentVerbatim() throws IOException {
        List<Clause> clauses = parse();
        assertThat(clauses).extracting(Clause::clause).containsExactly("9.1", "9.2", "9.3", "9.4");
        SoftAssertions soft = new SoftAssertions();
        int items = 0;
        for (Clause clause : clauses) {
            Requirement section = catalog.requirement(RequirementId.of("GBT31167-" + clause.clause()))
                    .orElseThrow();
            soft.assertThat(section.title()).as(clause.clause() + " title").isEqualTo(clause.title());
            soft.assertThat(section.text()).as(clause.clause() + " lead-in").isEqualTo(clause.lead());
            soft.assertThat(section.parent()).isEqualTo(RequirementId.of("GBT31167-9"));
            for (Expected e : clause.items()) {
                items++;
                Requirement r = catalog.requirement(RequirementId.of(e.id())).orElse(null);
                soft.assertThat(r).as(e.id()).isNotNull();
                if (r == null) {
                    continue;
                }
                soft.assertThat(r.text()).as(e.id() + " text").isEqualTo(e.text());
                soft.assertThat(r.parent()).as(e.id() + " parent").isEqualTo(RequirementId.of(e.parent()));
                soft.assertThat(r.sourceLabel()).as(e.id() + " label").isEqualTo(e.label());
                soft.assertThat(r.sourceLine()).as(e.id() + " line").isEqualTo(e.line());
                soft.assertThat(r.numberingReconstructed()).as(e.id()).isTrue();
                soft.assertThat(r.phaseInStandard()).isEqualTo("退出服务");
                soft.assertThat(r.phases()).contains(Phase.EXIT);
            }
        }
        soft.assertAll();
        assertThat(catalog.find(RequirementFilter.items().standard("GBT31167")).stream()
                        .filter(r -> !r.derivedFromLeadIn()))
                .as("listed items (lead-in duties come on top: LeadInDutiesTest)")
                .hasSize(items);
    }

    @Test
    void mediaSanitisationSubItemsHangUnderItemC() {
        assertThat(catalog.children(RequirementId.of("GBT31167-9.4-c")))
                .extracting(r -> r.id().value())
                .containsExactly("GBT31167-9.4-c-1", "GBT31167-9.4-c-2", "GBT31167-9.4-c-3");
        Requirement sanitise =
                catalog.requirement(RequirementId.of("GBT31167-9.4-c-1")).orElseThrow();
        assertThat(sanitise.footnotes()).singleElement().satisfies(f -> assertThat(f.text())
                .startsWith("介质清理："));
    }

    @Test
    void handOverInventoryHasTheFourPartsAndTheDataFileFields() {
        List<Requirement> parts = catalog.children(RequirementId.of("GBT31167-9.2")).stream()
                .filter(r -> !r.derivedFromLeadIn())
                .toList();
        assertThat(parts)
                .extracting(r -> r.exitInventory().category())
                .containsExactly(
                        ExitInventory.Category.DATA_FILES, ExitInventory.Category.PROGRAM_CODE,
                        ExitInventory.Category.OTHER_DATA, ExitInventory.Category.DOCUMENTS);
        ExitInventory files = parts.get(0).exitInventory();
        assertThat(files.fields())
                .extracting(ExitInventory.Field::name)
                .containsExactly("文件名称", "数据文件内容的描述", "存储格式", "文件大小", "校验值", "类型");
        assertThat(files.fields().get(5).values()).containsExactly("敏感", "公开");
        for (Requirement part : parts) {
            for (ExitInventory.Field f : part.exitInventory().fields()) {
                assertThat(part.text()).as(part.id() + " field " + f.name()).contains(f.name());
                f.values().forEach(v -> assertThat(part.text()).contains(v));
            }
            for (String content : part.exitInventory().contents()) {
                assertThat(part.text()).as(part.id() + " content " + content).contains(content);
            }
        }
    }
}
