package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The government website guide in the catalog against its text. The working copy lost its clause
 * numbers; the list-numbering residue left before headings ("0.", "N.", "0.N.k.m") must agree with
 * the reconstructed tree, and every lettered or numbered item and every paragraph must be present
 * verbatim.
 */
class GovWebsiteCatalogCompletenessTest {

    private static final Path FILE = Path.of("docs/standards/gov-website-cloud-security-guide.txt");
    private static final String CODE = "GOVWEB";
    private static final Pattern MARKED = Pattern.compile("^([a-z]|[0-9]+)([)）])\\s*(.*?)\\s*$");
    private static final Pattern L2 = Pattern.compile("^0\\.\\s+(\\S{1,20})$");
    private static final Pattern L3 = Pattern.compile("^([1-9][0-9]*)\\.\\s+(\\S{1,20})$");
    private static final Pattern L4 = Pattern.compile("^0\\.([0-9]+)\\.([0-9]+)\\.([0-9]+)[\\s\u3000]+(\\S.*?)$");

    private static List<String> lines;
    private final Catalog catalog = TestCatalogs.shipped();

    @BeforeAll
    static void read() throws IOException {
        lines = List.of(Files.readString(FILE, StandardCharsets.UTF_8).split("\n", -1));
    }

    private List<Requirement> nodesAt(int line) {
        return catalog.requirements(CODE).stream()
                .filter(r -> Integer.valueOf(line).equals(r.sourceLine()))
                .toList();
    }

    private List<Requirement> level2InOrder() {
        return catalog.requirements(CODE).stream()
                .filter(r -> r.kind() == RequirementKind.SECTION && r.clause().split("\\.").length == 2)
                .toList();
    }

    @Test
    void chaptersFollowTheReadmeMap() {
        assertThat(catalog.requirements(CODE).stream().filter(r -> r.parent() == null))
                .extracting(Requirement::clause, Requirement::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("5", "概述"),
                        org.assertj.core.groups.Tuple.tuple("6", "规划准备"),
                        org.assertj.core.groups.Tuple.tuple("7", "部署迁移"),
                        org.assertj.core.groups.Tuple.tuple("8", "运行管理"),
                        org.assertj.core.groups.Tuple.tuple("9", "退出服务"));
        assertThat(catalog.requirements(CODE).stream().filter(r -> !r.derivedFromLeadIn()))
                .allMatch(Requirement::numberingReconstructed);
    }

    @Test
    void numberingResidueAgreesWithTheReconstructedTree() {
        List<Requirement> level2 = level2InOrder();
        SoftAssertions soft = new SoftAssertions();
        int start = lines.indexOf("概述");
        int checked = 0;
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher m2 = L2.matcher(line);
            Matcher m3 = L3.matcher(line);
            Matcher m4 = L4.matcher(line);
            String title = m4.matches() ? m4.group(4) : m3.matches() ? m3.group(2) : m2.matches() ? m2.group(1) : null;
            if (title == null) {
                continue;
            }
            checked++;
            List<Requirement> sections = nodesAt(i + 1).stream()
                    .filter(r -> r.kind() == RequirementKind.SECTION && title.equals(r.title()))
                    .toList();
            soft.assertThat(sections).as("heading %s at line %d", line, i + 1).hasSize(1);
            if (sections.size() != 1) {
                continue;
            }
            Requirement s = sections.get(0);
            if (m2.matches()) {
                soft.assertThat(s.clause().split("\\.")).as(line).hasSize(2);
            } else if (m3.matches()) {
                Requirement expectedParent = level2.get(Integer.parseInt(m3.group(1)));
                soft.assertThat(s.parent())
                        .as("'%s' hangs under second-level clause no. %s", line, m3.group(1))
                        .isEqualTo(expectedParent.id());
            } else {
                Requirement expectedGrandparent = level2.get(Integer.parseInt(m4.group(1)));
                Requirement parent = catalog.requirement(s.parent()).orElseThrow();
                soft.assertThat(parent.parent()).as(line).isEqualTo(expectedGrandparent.id());
                soft.assertThat(catalog.children(expectedGrandparent.id()).indexOf(parent))
                        .as(line + " parent position")
                        .isEqualTo(Integer.parseInt(m4.group(2)));
                soft.assertThat(s.clause()).as(line).endsWith("." + m4.group(3));
            }
        }
        soft.assertAll();
        assertThat(checked).isGreaterThan(50);
        assertThat(level2).hasSize(23);
    }

    @Test
    void everyMarkedItemAndParagraphIsPresentVerbatim() {
        SoftAssertions soft = new SoftAssertions();
        int start = lines.indexOf("概述");
        int expectedItems = 0;
        for (int i = start + 1; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty()
                    || line.startsWith("图")
                    || List.of("规划准备", "退出服务").contains(line)
                    || L2.matcher(line).matches()
                    || L3.matcher(line).matches()
                    || L4.matcher(line).matches()) {
                continue;
            }
            List<Requirement> here = nodesAt(i + 1);
            Matcher m = MARKED.matcher(line);
            if (m.matches()) {
                expectedItems++;
                List<Requirement> items = here.stream()
                        .filter(r -> r.kind() == RequirementKind.ITEM)
                        .toList();
                soft.assertThat(items).as("item at line %d", i + 1).hasSize(1);
                if (items.size() == 1) {
                    soft.assertThat(items.get(0).text())
                            .as(items.get(0).id() + " text")
                            .isEqualTo(m.group(3));
                    soft.assertThat(items.get(0).sourceLabel())
                            .as(items.get(0).id() + " marker")
                            .isEqualTo(m.group(1) + m.group(2));
                    soft.assertThat(items.get(0).item())
                            .as(items.get(0).id().value())
                            .endsWith(m.group(1));
                }
            } else {
                boolean asItem = here.stream().anyMatch(r -> r.kind() == RequirementKind.ITEM && line.equals(r.text()));
                int lineNo = i + 1;
                boolean asLead = catalog.requirements(CODE).stream()
                        .anyMatch(r -> r.kind() == RequirementKind.SECTION
                                && line.equals(r.text())
                                && r.sourceLine() != null
                                && r.sourceLine() >= lineNo - 2
                                && r.sourceLine() <= lineNo);
                soft.assertThat(asItem || asLead)
                        .as("paragraph at line %d: %s", i + 1, line)
                        .isTrue();
                if (asItem) {
                    expectedItems++;
                }
            }
        }
        soft.assertAll();
        assertThat(catalog.find(RequirementFilter.items().standard(CODE)).stream()
                        .filter(r -> !r.derivedFromLeadIn()))
                .as("listed items (lead-in duties come on top: LeadInDutiesTest)")
                .hasSize(expectedItems);
    }

    @Test
    void rolesPhasesAndModelsAreTyped() {
        List<Requirement> items = catalog.find(RequirementFilter.items().standard(CODE));
        assertThat(items).allSatisfy(r -> assertThat(r.deploymentModels()).containsExactly(DeploymentModel.PUBLIC));
        assertThat(catalog.children(RequirementId.of("GOVWEB-5.2.1")))
                .as("the seven migration risks")
                .hasSize(7);
        assertThat(catalog.children(RequirementId.of("GOVWEB-9.2.2")))
                .allSatisfy(r -> assertThat(r.roles()).containsExactly(PartyRole.PROVIDER));
        assertThat(catalog.children(RequirementId.of("GOVWEB-7.2.4")))
                .allSatisfy(r -> assertThat(r.roles()).containsExactly(PartyRole.THIRD_PARTY_ASSESSOR));
        assertThat(catalog.requirement(RequirementId.of("GOVWEB-7.2.3-b"))
                        .orElseThrow()
                        .roles())
                .containsExactly(PartyRole.AGENT_SYSTEM_INTEGRATOR);
        assertThat(catalog.requirement(RequirementId.of("GOVWEB-9.3.5-b"))
                        .orElseThrow()
                        .phases())
                .containsExactly(Phase.EXIT);
        assertThat(catalog.requirement(RequirementId.of("GOVWEB-8.5-b"))
                        .orElseThrow()
                        .phaseInStandard())
                .isEqualTo("运行管理");
        List<Requirement> untitled = catalog.requirements(CODE).stream()
                .filter(r -> r.kind() == RequirementKind.SECTION && r.title() == null)
                .toList();
        assertThat(untitled).isNotEmpty().allSatisfy(r -> assertThat(r.titleEn())
                .endsWith("(heading lost in the working copy)"));
    }
}
