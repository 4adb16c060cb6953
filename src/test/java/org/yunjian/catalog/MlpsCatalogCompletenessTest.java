package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The 等保 guide in the catalog against the guide's text: every row of the flattened table is an
 * item with its six cells verbatim, under its real control point, and nothing else is there.
 */
class MlpsCatalogCompletenessTest {

    private static final String MLPS = "MLPS-L3";
    private final Catalog catalog = TestCatalogs.shipped();

    private List<Requirement> items() {
        return catalog.find(RequirementFilter.items().standard(MLPS));
    }

    private Requirement itemAtLine(int line) {
        List<Requirement> found = items().stream()
                .filter(r -> Integer.valueOf(line).equals(r.sourceLine()))
                .toList();
        assertThat(found)
                .as("catalog items transcribed from source line %d", line)
                .hasSize(1);
        return found.get(0);
    }

    @Test
    void everyRowOfTheGuideIsAnItemAndNothingElseIs() throws IOException {
        List<MlpsGuideText.Row> rows = MlpsGuideText.rows();
        assertThat(rows).isNotEmpty();
        assertThat(items()).hasSameSizeAs(rows);
        assertThat(items().stream().map(Requirement::sourceLine).toList())
                .containsExactlyElementsOf(
                        rows.stream().map(MlpsGuideText.Row::line).toList());
    }

    @Test
    void everyItemCarriesItsCellsVerbatim() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (MlpsGuideText.Row row : MlpsGuideText.rows()) {
            Requirement item = itemAtLine(row.line());
            MlpsAssessment m = item.mlps();
            String at = item.id() + " (line " + row.line() + ")";
            soft.assertThat(m).as(at + " mlps").isNotNull();
            if (m == null) {
                continue;
            }
            soft.assertThat(item.text()).as(at + " 安全要求").isEqualTo(row.requirement());
            soft.assertThat(m.requirement()).as(at + " 安全要求").isEqualTo(row.requirement());
            soft.assertThat(item.item()).as(at + " item letter").isEqualTo(row.letter());
            soft.assertThat(item.sourceLabel())
                    .as(at + " marker")
                    .isEqualTo(row.marker() == null ? null : row.marker().strip());
            soft.assertThat(m.interpretation()).as(at + " 要求解读").isEqualTo(row.interpretation());
            soft.assertThat(m.testMethod().text()).as(at + " 测评方法").isEqualTo(row.testMethod());
            soft.assertThat(m.expectedEvidence()).as(at + " 预期结果或主要证据").isEqualTo(row.expectedEvidence());

            List<MlpsGuideText.Step> steps = MlpsGuideText.steps(row.testMethod());
            soft.assertThat(m.testMethod().steps()).as(at + " steps").hasSameSizeAs(steps);
            for (int i = 0; i < Math.min(steps.size(), m.testMethod().steps().size()); i++) {
                MlpsAssessment.TestStep step = m.testMethod().steps().get(i);
                soft.assertThat(step.number())
                        .as(at + " step number")
                        .isEqualTo(steps.get(i).number());
                soft.assertThat(step.text())
                        .as(at + " step text")
                        .isEqualTo(steps.get(i).text());
                soft.assertThat(step.types()).as(at + " step types").isNotEmpty();
            }

            Map<String, String> criteria = MlpsGuideText.criteria(row.criteriaCell());
            soft.assertThat(criteria.keySet()).as(at + " verdicts").contains("符合情况", "不符合情况");
            soft.assertThat(m.criteria().compliant()).as(at + " 符合").isEqualTo(criteria.get("符合情况"));
            soft.assertThat(m.criteria().partiallyCompliant()).as(at + " 部分符合").isEqualTo(criteria.get("部分符合情况"));
            soft.assertThat(m.criteria().nonCompliant()).as(at + " 不符合").isEqualTo(criteria.get("不符合情况"));
            soft.assertThat(m.controlPointLabelOnRow())
                    .as(at + " label on row")
                    .isEqualTo(!row.label().isEmpty());
        }
        soft.assertAll();
    }

    @Test
    void everyItemSitsUnderItsRealControlPoint() throws IOException {
        List<MlpsGuideText.ControlPoint> expected = MlpsGuideText.controlPoints();
        List<Requirement> controlPoints = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (MlpsGuideText.ControlPoint cp : expected) {
            Requirement first = itemAtLine(cp.rows().get(0).line());
            boolean unlettered = cp.rows().size() == 1 && cp.rows().get(0).letter() == null;
            Requirement node =
                    unlettered ? first : catalog.requirement(first.parent()).orElseThrow();
            controlPoints.add(node);
            soft.assertThat(node.title())
                    .as("control point of line %d", cp.rows().get(0).line())
                    .isEqualTo(cp.label());
            soft.assertThat(node.kind()).isEqualTo(unlettered ? RequirementKind.ITEM : RequirementKind.CONTROL_POINT);
            for (MlpsGuideText.Row row : cp.rows()) {
                Requirement item = itemAtLine(row.line());
                soft.assertThat(item.mlps().controlPoint())
                        .as(item.id() + " control point")
                        .isEqualTo(cp.label());
                soft.assertThat(item.clause()).as(item.id() + " clause").isEqualTo(node.clause());
                if (!unlettered) {
                    soft.assertThat(item.parent()).as(item.id() + " parent").isEqualTo(node.id());
                }
            }
            if (!unlettered) {
                soft.assertThat(catalog.children(node.id()))
                        .as(node.id() + " children")
                        .extracting(Requirement::sourceLine)
                        .containsExactlyElementsOf(
                                cp.rows().stream().map(MlpsGuideText.Row::line).toList());
            }
        }
        soft.assertAll();
        assertThat(catalog.find(RequirementFilter.any().standard(MLPS).kind(RequirementKind.CONTROL_POINT)))
                .as("no control point without source rows")
                .allMatch(controlPoints::contains);
    }

    @Test
    void controlPointsAreNumberedInDocumentOrderWithinTheirSections() throws IOException {
        List<String> clauses = new ArrayList<>();
        for (MlpsGuideText.ControlPoint cp : MlpsGuideText.controlPoints()) {
            clauses.add(itemAtLine(cp.rows().get(0).line()).clause());
        }
        assertThat(clauses).doesNotHaveDuplicates();
        Set<String> sections = new LinkedHashSet<>();
        for (int i = 0; i < clauses.size(); i++) {
            String clause = clauses.get(i);
            String section = clause.substring(0, clause.lastIndexOf('.'));
            int number = Integer.parseInt(clause.substring(clause.lastIndexOf('.') + 1));
            boolean newSection = sections.add(section);
            assertThat(number)
                    .as(clause)
                    .isEqualTo(
                            newSection
                                    ? 1
                                    : Integer.parseInt(clauses.get(i - 1)
                                                    .substring(
                                                            clauses.get(i - 1).lastIndexOf('.') + 1))
                                            + 1);
            Requirement sectionNode =
                    catalog.requirement(RequirementId.of(MLPS + "-" + section)).orElseThrow();
            assertThat(sectionNode.kind()).isEqualTo(RequirementKind.SECTION);
        }
        assertThat(sections).containsExactly("8.2.1", "8.2.2", "8.2.3", "8.2.4", "8.2.5", "8.2.6", "8.2.7");
    }

    @Test
    void misplacedLabelsInTheFlattenedTableAreResolved() {
        assertThat(catalog.requirement(RequirementId.of("MLPS-L3-8.2.4.6-a"))
                        .orElseThrow()
                        .mlps()
                        .controlPoint())
                .isEqualTo("数据备份恢复");
        assertThat(catalog.requirement(RequirementId.of("MLPS-L3-8.2.6.1-a"))
                        .orElseThrow()
                        .mlps()
                        .controlPoint())
                .isEqualTo("云服务商选择");
        assertThat(catalog.requirement(RequirementId.of("MLPS-L3-8.2.6.1-b"))
                        .orElseThrow()
                        .text())
                .isEqualTo("应在服务水平协议中规定云服务的各项服务内容和具体技术指标");
        assertThat(catalog.children(RequirementId.of("MLPS-L3-8.2.5.1"))).hasSize(4);
        assertThat(catalog.children(RequirementId.of("MLPS-L3-8.2.4.5"))).hasSize(4);
    }

    @Test
    void residualInformationProtectionIsClause8247() {
        assertThat(catalog.children(RequirementId.of("MLPS-L3-8.2.4.7")))
                .extracting(r -> r.id().value())
                .containsExactly("MLPS-L3-8.2.4.7-a", "MLPS-L3-8.2.4.7-b");
        assertThat(catalog.requirement(RequirementId.of("MLPS-L3-8.2.4.7"))
                        .orElseThrow()
                        .title())
                .isEqualTo("剩余信息保护");
    }

    @Test
    void everyItemHasItsEditorialAttributes() {
        for (Requirement item : items()) {
            assertThat(item.textEn()).as(item.id() + " English").isNotBlank();
            assertThat(item.roles()).as(item.id() + " roles").isNotEmpty();
            assertThat(item.phases()).as(item.id() + " phases").isNotEmpty();
            assertThat(item.mlps().assessedSide()).as(item.id() + " side").isNotNull();
            assertThat(item.numberingReconstructed()).as(item.id().value()).isTrue();
            Set<PartyRole> expectedRoles =
                    switch (item.mlps().assessedSide()) {
                        case CLOUD_PLATFORM -> Set.of(PartyRole.PROVIDER);
                        case CUSTOMER_SYSTEM -> Set.of(PartyRole.CUSTOMER);
                        case BOTH -> Set.of(PartyRole.PROVIDER, PartyRole.CUSTOMER);
                    };
            assertThat(item.roles())
                    .as(item.id() + " roles follow the assessed side")
                    .isEqualTo(expectedRoles);
        }
        for (Requirement node : catalog.requirements(MLPS)) {
            assertThat(node.titleEn() != null || node.textEn() != null)
                    .as(node.id() + " English")
                    .isTrue();
        }
    }

    @Test
    void sourceTyposAreRecordedAsCorrectionsNotFixedInTheText() {
        Requirement item =
                catalog.requirement(RequirementId.of("MLPS-L3-8.2.4.4-b")).orElseThrow();
        assertThat(item.mlps().expectedEvidence()).contains("ESC");
        assertThat(item.corrections()).anySatisfy(c -> {
            assertThat(c.original()).isEqualTo("ESC");
            assertThat(c.corrected()).isEqualTo("ECS");
        });
        assertThat(catalog.requirement(RequirementId.of("MLPS-L3-8.2.3.2-a"))
                        .orElseThrow()
                        .text())
                .contains("攻击时时间");
    }
}
