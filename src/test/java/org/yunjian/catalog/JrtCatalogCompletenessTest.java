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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JR/T securities and futures cloud security spec in the catalog against its text: every
 * paragraph and bullet of clauses 4–8 is an item, verbatim, with bold, phase and deployment model
 * taken from the text.
 */
class JrtCatalogCompletenessTest {

    private static final Path FILE = Path.of("docs/standards/jrt-securities-futures-cloud-security-spec.txt");
    private static final String CODE = "JRT-SF";
    private static final Pattern HEADING = Pattern.compile("^([4-8](?:\\.[0-9]+){0,2})\\s+(\\S.*?)\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*-\\s+(\\S.*?)\\s*$");

    private static List<String> lines;
    private final Catalog catalog = TestCatalogs.shipped();

    record Expected(int line, String clause, String text, boolean bold) {}

    @BeforeAll
    static void read() throws IOException {
        lines = List.of(Files.readString(FILE, StandardCharsets.UTF_8).split("\n", -1));
    }

    private static int indexOf(String exactLine) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(exactLine)) {
                return i;
            }
        }
        throw new IllegalStateException(exactLine + " not found");
    }

    /** Paragraphs and bullets of clauses 4–8; a line continuing an unterminated one is folded into it. */
    private static List<Expected> expectedItems(List<String> headings, List<String> notes) {
        List<Expected> out = new ArrayList<>();
        String clause = null;
        for (int i = indexOf("4 总体安全原则"); i < indexOf("参 考 文 献"); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher h = HEADING.matcher(line);
            Matcher b = BULLET.matcher(lines.get(i));
            if (h.matches()) {
                clause = h.group(1);
                headings.add(clause + " " + h.group(2));
            } else if (line.startsWith("注：")) {
                notes.add(line);
            } else if (!b.matches()
                    && !out.isEmpty()
                    && !out.get(out.size() - 1).text().matches("(?s).*[。；：;]$")) {
                Expected previous = out.remove(out.size() - 1);
                out.add(new Expected(previous.line(), previous.clause(), previous.text() + line, previous.bold()));
            } else {
                String text = b.matches() ? b.group(1) : line;
                out.add(new Expected(i + 1, clause, text.replace("**", ""), text.contains("**")));
            }
        }
        return out;
    }

    @Test
    void everyParagraphAndBulletIsAnItemVerbatim() {
        List<String> headings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Expected> expected = expectedItems(headings, notes);
        SoftAssertions soft = new SoftAssertions();
        List<Requirement> items = catalog.find(RequirementFilter.items().standard(CODE));
        soft.assertThat(items).hasSameSizeAs(expected);
        for (Expected e : expected) {
            List<Requirement> found = items.stream()
                    .filter(r -> Integer.valueOf(e.line()).equals(r.sourceLine()))
                    .toList();
            soft.assertThat(found).as("item at line " + e.line()).hasSize(1);
            if (found.size() != 1) {
                continue;
            }
            Requirement r = found.get(0);
            soft.assertThat(r.text()).as(r.id() + " text").isEqualTo(e.text());
            soft.assertThat(r.clause()).as(r.id() + " clause").isEqualTo(e.clause());
            soft.assertThat(r.bold()).as(r.id() + " bold").isEqualTo(e.bold());
            soft.assertThat(r.numberingReconstructed()).isTrue();
        }
        for (String heading : headings) {
            String clause = heading.substring(0, heading.indexOf(' '));
            Requirement section =
                    catalog.requirement(RequirementId.of(CODE + "-" + clause)).orElse(null);
            soft.assertThat(section).as(heading).isNotNull();
            if (section != null) {
                soft.assertThat(clause + " " + section.title()).isEqualTo(heading);
            }
        }
        List<String> catalogNotes = catalog.requirements(CODE).stream()
                .flatMap(r -> r.notes().stream())
                .map(Requirement.Note::text)
                .toList();
        soft.assertThat(catalogNotes).containsExactlyElementsOf(notes);
        soft.assertAll();
    }

    @Test
    void boldRequirementsAreExactlyThoseMarkedInTheText() {
        long marked = expectedItems(new ArrayList<>(), new ArrayList<>()).stream()
                .filter(Expected::bold)
                .count();
        assertThat(catalog.find(RequirementFilter.items().standard(CODE)).stream()
                        .filter(Requirement::bold)
                        .count())
                .isEqualTo(marked);
        assertThat(lines.stream().filter(l -> l.contains("**")).toList())
                .as("outside the 引言's explanation this working copy marks nothing bold")
                .singleElement()
                .asString()
                .contains("黑体字部分");
    }

    @Test
    void phasesAndDeploymentModelsFollowTheClauses() {
        for (Requirement r : catalog.find(RequirementFilter.items().standard(CODE))) {
            String[] parts = r.clause().split("\\.");
            String expectedPhase =
                    switch (parts[0]) {
                        case "5" -> "规划准备";
                        case "6" -> "服务获取";
                        case "7" -> "运行监督";
                        case "8" -> "服务退出";
                        default -> null;
                    };
            if (expectedPhase != null) {
                assertThat(r.phaseInStandard()).as(r.id().value()).isEqualTo(expectedPhase);
            }
            if (parts.length > 1 && List.of("6", "7", "8").contains(parts[0])) {
                DeploymentModel model =
                        switch (parts[1]) {
                            case "2" -> DeploymentModel.PRIVATE;
                            case "3" -> DeploymentModel.COMMUNITY;
                            case "4" -> DeploymentModel.PUBLIC;
                            default -> null;
                        };
                if (model == null) {
                    assertThat(r.deploymentModels()).as(r.id().value()).isEmpty();
                } else {
                    assertThat(r.deploymentModels()).as(r.id().value()).containsExactly(model);
                }
            }
        }
        assertThat(catalog.find(RequirementFilter.items().standard(CODE).deploymentModel(DeploymentModel.PRIVATE)))
                .noneMatch(r -> r.clause().startsWith("6.3") || r.clause().startsWith("7.4"));
    }

    @Test
    void exitDataInventoryHasTheFourPartsWithTheFieldsTheTextNames() {
        Requirement inventory =
                catalog.requirement(RequirementId.of("JRT-SF-8.1.3-3")).orElseThrow();
        assertThat(inventory.text()).isEqualTo("数据清单的内容应包括但不限于：");
        List<Requirement> parts = catalog.children(inventory.id());
        assertThat(parts)
                .extracting(r -> r.exitInventory().category())
                .containsExactly(
                        ExitInventory.Category.DATA_FILES, ExitInventory.Category.PROGRAM_CODE,
                        ExitInventory.Category.OTHER_DATA, ExitInventory.Category.DOCUMENTS);
        assertThat(parts.get(0).exitInventory().fields())
                .extracting(ExitInventory.Field::name)
                .as("JR/T names no 校验值, unlike GB/T 31167")
                .containsExactly("文件名称", "数据文件内容的描述", "存储格式", "文件大小", "类型");
        for (Requirement part : parts) {
            part.exitInventory().fields().forEach(f -> assertThat(part.text()).contains(f.name()));
            part.exitInventory().contents().forEach(c -> assertThat(part.text()).contains(c));
            assertThat(part.roles()).containsExactlyInAnyOrder(PartyRole.CUSTOMER, PartyRole.PROVIDER);
        }
    }

    @Test
    void clientAndAssigneeMapToCustomerAndProvider() {
        Standard jrt = catalog.standard(CODE).orElseThrow();
        assertThat(jrt.roleTerms())
                .anySatisfy(t -> {
                    assertThat(t.term()).isEqualTo("委托方");
                    assertThat(t.roles()).containsExactly(PartyRole.CUSTOMER);
                })
                .anySatisfy(t -> {
                    assertThat(t.term()).isEqualTo("受托方");
                    assertThat(t.roles()).containsExactly(PartyRole.PROVIDER);
                });
        assertThat(catalog.find(RequirementFilter.items().standard(CODE).role(PartyRole.PROVIDER)))
                .extracting(r -> r.id().value())
                .contains("JRT-SF-7.3-5", "JRT-SF-7.4.3-1-6");
        assertThat(catalog.requirement(RequirementId.of("JRT-SF-7.4.2-7"))
                        .orElseThrow()
                        .roles())
                .containsExactly(PartyRole.CUSTOMER);
    }
}
