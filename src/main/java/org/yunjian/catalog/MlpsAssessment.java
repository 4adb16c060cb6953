package org.yunjian.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The 等保 work-instruction row of one cloud-extension item (GB/T 22239-2019 §8.2, level 3).
 *
 * @param area                   安全层面, e.g. 安全计算环境
 * @param controlPoint           控制点, e.g. 剩余信息保护
 * @param controlPointLabelOnRow whether the flattened source printed the control-point label on this
 *                               item's row (false for most items; true on a misplaced label's row)
 * @param requirement            安全要求, verbatim without its item marker
 * @param interpretation         要求解读
 * @param expectedEvidence       预期结果或主要证据
 * @param level                  the protection level (1–4) the item belongs to in an assessment body's imported item
 *                               table (通用要求); null for the built-in cloud extension (level 3 throughout)
 */
public record MlpsAssessment(
        String area,
        String controlPoint,
        boolean controlPointLabelOnRow,
        String requirement,
        String interpretation,
        TestMethod testMethod,
        String expectedEvidence,
        Criteria criteria,
        AssessedSide assessedSide,
        Integer level) {

    /** A row of the built-in cloud extension (no level of its own). */
    public MlpsAssessment(
            String area,
            String controlPoint,
            boolean controlPointLabelOnRow,
            String requirement,
            String interpretation,
            TestMethod testMethod,
            String expectedEvidence,
            Criteria criteria,
            AssessedSide assessedSide) {
        this(
                area,
                controlPoint,
                controlPointLabelOnRow,
                requirement,
                interpretation,
                testMethod,
                expectedEvidence,
                criteria,
                assessedSide,
                null);
    }

    /**
     * The ten 安全层面 of the 等保 report templates in their order (安全物理环境 … 安全运维管理; bundle
     * {@code catalog.table.layer.0–9}, in Chinese as the catalog data names them).
     */
    public static java.util.List<String> templateLayers() {
        return java.util.stream.IntStream.range(0, 10)
                .mapToObj(i ->
                        org.yunjian.shared.Msg.of("catalog.table.layer." + i).text(org.yunjian.shared.Texts.CHINESE))
                .toList();
    }

    /** 测评方法: the verbatim text and its numbered steps. */
    public record TestMethod(String text, List<TestStep> steps) {
        public TestMethod {
            steps = List.copyOf(steps);
        }
    }

    /** One step of the test method; {@code number} is null when the method is a single unnumbered step. */
    public record TestStep(Integer number, String text, Set<TestStepType> types) {
        public TestStep {
            types = Set.copyOf(types);
        }
    }

    /** The verdict descriptions; 部分符合 is absent for some items. */
    @Schema(name = "MlpsCriteria")
    public record Criteria(String compliant, String partiallyCompliant, String nonCompliant) {
        public Optional<String> partiallyCompliantIfAny() {
            return Optional.ofNullable(partiallyCompliant);
        }
    }
}
