package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * T/CCIA 004-2024 in the catalog against its text: every a) / 1) item and unmarked bullet of
 * clauses 5–9, every row of the Annex A tables and of Annex B, verbatim and typed.
 */
class TcciaCatalogCompletenessTest {

    private static final Path FILE = Path.of("docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt");
    private static final String CODE = "TCCIA004";
    private static final Pattern HEADING = Pattern.compile("^([5-9](?:\\.[0-9]+){0,2})\\s+(\\S.*?)\\s*$");
    private static final Pattern MARKED = Pattern.compile("^\\s*(?:-\\s*)?([a-z]|[0-9]+)\\)\\s*(.*?)\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*-\\s+(\\S.*?)\\s*$");
    private static final Map<String, PartyRole> COLUMN_ROLES = Map.of(
            "客户",
            PartyRole.CUSTOMER,
            "云服务提供者",
            PartyRole.PROVIDER,
            "软件提供者",
            PartyRole.PARTNER_SOFTWARE,
            "硬件提供者",
            PartyRole.PARTNER_HARDWARE,
            "运维服务提供者",
            PartyRole.PARTNER_OM_SERVICE,
            "安全服务提供者",
            PartyRole.PARTNER_SECURITY_SERVICE);

    private static List<String> lines;
    private final Catalog catalog = TestCatalogs.shipped();

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

    private Requirement atLine(int line) {
        List<Requirement> found = catalog.find(RequirementFilter.items().standard(CODE)).stream()
                .filter(r -> Integer.valueOf(line).equals(r.sourceLine()))
                .toList();
        assertThat(found).as("items transcribed from line %d", line).hasSize(1);
        return found.get(0);
    }

    @Test
    void everyMarkedItemAndBulletOfClauses5To9IsPresentVerbatim() {
        int start = indexOf("5 通用要求");
        int end = indexOf("附录 A");
        SoftAssertions soft = new SoftAssertions();
        Set<Integer> expectedLines = new HashSet<>();
        String clause = null;
        for (int i = start; i < end; i++) {
            String line = lines.get(i);
            Matcher h = HEADING.matcher(line.strip());
            Matcher m = MARKED.matcher(line);
            Matcher b = BULLET.matcher(line);
            if (h.matches() && !m.matches()) {
                clause = h.group(1);
                Requirement section = catalog.requirement(RequirementId.of(CODE + "-" + clause))
                        .orElse(null);
                soft.assertThat(section).as("clause " + clause).isNotNull();
                if (section != null) {
                    soft.assertThat(section.title()).isEqualTo(h.group(2));
                }
            } else if (m.matches() || b.matches()) {
                expectedLines.add(i + 1);
                Requirement r = atLine(i + 1);
                String text = m.matches() ? m.group(2) : b.group(1);
                soft.assertThat(r.clause()).as(r.id() + " clause").isEqualTo(clause);
                soft.assertThat(r.text()).as(r.id() + " text").startsWith(text);
                if (m.matches()) {
                    soft.assertThat(r.sourceLabel()).as(r.id() + " marker").isEqualTo(m.group(1) + ")");
                    soft.assertThat(r.item()).as(r.id() + " item").endsWith(m.group(1));
                    soft.assertThat(r.numberingReconstructed()).isFalse();
                } else {
                    soft.assertThat(r.sourceLabel()).as(r.id() + " unmarked").isNull();
                    soft.assertThat(r.numberingReconstructed()).isTrue();
                }
                soft.assertThat(r.text().equals(text) || !text.matches(".*[。；：;]$"))
                        .as(r.id() + " only unterminated text continues on later lines")
                        .isTrue();
            }
        }
        soft.assertAll();
        List<Requirement> unmatched = catalog.find(RequirementFilter.items().standard(CODE)).stream()
                .filter(r -> !r.clause().matches("[AB].*"))
                .filter(r -> !expectedLines.contains(r.sourceLine()))
                .toList();
        assertThat(unmatched)
                .as("items without a marker or bullet in the source")
                .extracting(r -> r.id().value())
                .containsExactly("TCCIA004-7.3-1");
        assertThat(unmatched.get(0).text()).startsWith("云服务提供者应当与云服务合作者中的硬件提供者约定物理设备数据的清除责任方");
    }

    @Test
    void numberedItemsHangUnderTheirLetteredItem() {
        for (Requirement r : catalog.find(RequirementFilter.items().standard(CODE))) {
            if (r.sourceLabel() != null
                    && r.sourceLabel().matches("[0-9]+\\)")
                    && !r.clause().matches("[AB].*")) {
                Requirement parent = catalog.requirement(r.parent()).orElseThrow();
                assertThat(parent.kind()).as(r.id().value()).isEqualTo(RequirementKind.ITEM);
                assertThat(parent.sourceLabel()).as(r.id() + " parent").matches("[a-z]\\)");
            }
        }
        assertThat(catalog.children(RequirementId.of("TCCIA004-8.2.2-b-2")))
                .extracting(r -> r.id().value())
                .containsExactly("TCCIA004-8.2.2-b-2-a", "TCCIA004-8.2.2-b-2-b", "TCCIA004-8.2.2-b-2-c");
        assertThat(catalog.children(RequirementId.of("TCCIA004-7.1.2-b")))
                .extracting(Requirement::sourceLabel)
                .as("the source's own order, 1) 4) 2)")
                .containsExactly("1)", "4)", "2)");
    }

    @Test
    void everyAnnexATableRowIsARoleDetermination() {
        int start = indexOf("附录 A");
        int end = indexOf("附录 B");
        SoftAssertions soft = new SoftAssertions();
        String actor = null;
        int rows = 0;
        for (int i = start; i < end; i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != 3 || cells[0].equals("主体")) {
                continue;
            }
            if (cells[0].isBlank() && cells[2].isBlank()) {
                continue; // the rest of the previous row's behaviour cell
            }
            if (!cells[0].isBlank()) {
                actor = cells[0].strip();
            }
            rows++;
            Requirement r = atLine(i + 1);
            soft.assertThat(r.text()).as(r.id() + " behaviour").startsWith(cells[1]);
            soft.assertThat(r.roleDetermination()).as(r.id().value()).isNotNull();
            if (r.roleDetermination() != null) {
                soft.assertThat(r.roleDetermination().actor())
                        .as(r.id() + " actor")
                        .isEqualTo(actor);
                soft.assertThat(r.roleDetermination().roleTerm())
                        .as(r.id() + " role")
                        .isEqualTo(cells[2].strip());
                soft.assertThat(r.roles())
                        .as(r.id() + " roles")
                        .isEqualTo(r.roleDetermination().roles())
                        .isNotEmpty();
                for (RoleDetermination.Behaviour b : r.roleDetermination().behaviours()) {
                    soft.assertThat(r.text()).as(r.id() + " behaviour text").contains(b.text());
                }
            }
        }
        soft.assertAll();
        assertThat(catalog.find(RequirementFilter.items().standard(CODE)).stream()
                        .filter(r -> r.clause().startsWith("A."))
                        .count())
                .isEqualTo(rows);
        assertThat(catalog.requirement(RequirementId.of("TCCIA004-A.2-1"))
                        .orElseThrow()
                        .text())
                .endsWith("并决定安全策略。");
    }

    @Test
    void everyAnnexBIncidentCarriesItsCategoryAndLiableRoles() {
        int start = indexOf("附录 B");
        String[] header = null;
        String category = null;
        int rows = 0;
        SoftAssertions soft = new SoftAssertions();
        for (int i = start; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length < 9) {
                continue;
            }
            if (cells[0].equals("序号")) {
                header = cells;
                continue;
            }
            if (!cells[1].isBlank()) {
                category = cells[1].strip();
            }
            rows++;
            String number = cells[0].strip().replaceAll("\\.$", "");
            Requirement r =
                    catalog.requirement(RequirementId.of(CODE + "-B-" + number)).orElse(null);
            soft.assertThat(r).as("incident " + number).isNotNull();
            if (r == null) {
                continue;
            }
            soft.assertThat(r.text()).as(r.id() + " incident").isEqualTo(cells[2]);
            soft.assertThat(r.sourceLine()).isEqualTo(i + 1);
            soft.assertThat(r.incident().category()).as(r.id() + " category").isEqualTo(category);
            Set<PartyRole> liable = new HashSet<>();
            for (int c = 3; c < 9; c++) {
                if (cells[c].strip().equals("✓")) {
                    liable.add(COLUMN_ROLES.get(header[c].replace(" ", "")));
                }
            }
            soft.assertThat(r.incident().liableRoles())
                    .as(r.id() + " liable")
                    .isEqualTo(liable)
                    .isNotEmpty();
            soft.assertThat(r.layer()).as(r.id() + " layer").isNotNull();
        }
        soft.assertAll();
        assertThat(rows).isEqualTo(16);
        assertThat(catalog.find(RequirementFilter.items().standard(CODE)).stream()
                        .filter(r -> r.clause().equals("B"))
                        .count())
                .isEqualTo(rows);
    }

    @Test
    void generalRulesAreStructured() {
        Requirement depth =
                catalog.requirement(RequirementId.of("TCCIA004-5-b-1")).orElseThrow();
        assertThat(depth.allocationRules()).singleElement().satisfies(rule -> {
            assertThat(rule.kind()).isEqualTo(AllocationRule.Kind.MAX_DELEGATION_DEPTH);
            assertThat(rule.parameter()).isEqualTo(2);
        });
        assertThat(depth.text()).contains("不应超过2层");
        assertThat(catalog.requirement(RequirementId.of("TCCIA004-5-a"))
                        .orElseThrow()
                        .allocationRules())
                .extracting(AllocationRule::kind)
                .containsExactly(AllocationRule.Kind.RESPONSIBILITY_NOT_TRANSFERABLE);
        assertThat(catalog.requirement(RequirementId.of("TCCIA004-5-c"))
                        .orElseThrow()
                        .allocationRules())
                .anySatisfy(rule -> {
                    assertThat(rule.kind()).isEqualTo(AllocationRule.Kind.DELEGATOR_LIABLE_FOR_UNCLEAR_CONTRACT);
                    assertThat(rule.liable()).containsExactly(PartyRole.CUSTOMER);
                });
        assertThat(catalog.requirement(RequirementId.of("TCCIA004-5-b-3"))
                        .orElseThrow()
                        .allocationRules())
                .singleElement()
                .satisfies(rule -> assertThat(rule.liable()).containsExactly(PartyRole.PROVIDER));
        List<Requirement> ruled = new ArrayList<>(catalog.children(RequirementId.of("TCCIA004-5")));
        ruled.forEach(r -> assertThat(r.allocationRules()).as(r.id().value()).isNotEmpty());
    }

    @Test
    void layersAndPhasesFollowTheClauses() {
        assertThat(catalog.find(RequirementFilter.items().standard(CODE).layer(Layer.INFRASTRUCTURE)))
                .allSatisfy(r -> assertThat(r.clause()).matches("7(\\..*)?|B"));
        Requirement exitDuty =
                catalog.requirement(RequirementId.of("TCCIA004-9.3-b")).orElseThrow();
        assertThat(exitDuty.phaseInStandard()).isEqualTo("迁移与退出");
        assertThat(exitDuty.phases()).contains(Phase.EXIT);
        assertThat(exitDuty.layer()).isEqualTo(Layer.SERVICE);
        assertThat(exitDuty.roles()).containsExactly(PartyRole.PROVIDER);
        Requirement build =
                catalog.requirement(RequirementId.of("TCCIA004-7.1.1-c-1")).orElseThrow();
        assertThat(build.phaseInStandard()).isEqualTo("开发与建设");
        assertThat(build.roles()).containsExactly(PartyRole.PARTNER_HARDWARE);
        assertThat(catalog.find(RequirementFilter.items().standard(CODE).role(PartyRole.PARTNER_OM_SERVICE)))
                .extracting(r -> r.id().value())
                .contains("TCCIA004-8.2.2-b-2-c", "TCCIA004-8.2.3-c-1");
    }
}
