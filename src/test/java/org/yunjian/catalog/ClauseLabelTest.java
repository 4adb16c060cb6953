package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One rule labels a catalog item's place in its standard: a printed marker as printed, an unmarked paragraph
 * "第N段"/"¶N", an unmarked bullet "第N项"/"bullet N", a lead-in "引导语"/"lead-in". Before issue 36 RuleQuote.ref
 * printed GB/T 31167's 1. as "9.1 a)" and an unmarked paragraph as "7.3 1)", GateTexts printed "6.1 第1段" and the
 * catalog page "7.3 (null)"; the samples below quote the printed line of docs/standards (the copies of
 * ../shared/standards).
 */
class ClauseLabelTest {

    private static final Path STANDARDS = Path.of("docs/standards");

    private static Requirement item(String id) {
        return TestCatalogs.shipped().requirement(new RequirementId(id)).orElseThrow();
    }

    @ParameterizedTest(name = "{0} is labelled \"{1}\" / \"{2}\", printed as: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            GBT31167-9.1-a        | 9.1 1.             | 9.1 1.                 | gbt-31167-2014-s9-exit.md | 1.  在签订合同时提前约定退出条件，以及退出时客户、云服务商的责任和义务，应与云服务商协商数据和业务系统迁移出云计算平台的接口和方案；
            GBT31167-9.4-c-1      | 9.4 3. 4.          | 9.4 3. 4.              | gbt-31167-2014-s9-exit.md | 4.  重用前应进行介质清理[^1]，不可清理的介质应物理销毁；
            GBT31167-9.2-0        | 9.2 引导语          | 9.2 lead-in            | gbt-31167-2014-s9-exit.md | 从云计算平台迁移出的数据，不仅包括客户移交给云服务商的数据和资料，还应包括客户业务系统在云计算平台上运行期间产生、收集的数据以及相关文档资料，如数据文件、程序代码、说明书、技术资料、运行日志等。应制订详细的移交清单，清单内容包括：
            TCCIA004-7.3-1        | 7.3 第1段           | 7.3 ¶1                 | tccia-004-2024-cloud-responsibility-allocation.txt | 云服务提供者应当与云服务合作者中的硬件提供者约定物理设备数据的清除责任方及数据擦除的标准，确保实例服务器释放后，其原有的存储介质将会被执行数据擦除操作，保障用户数据的安全。
            TCCIA004-5-b-1        | 5 b) 1)            | 5 b) 1)                | tccia-004-2024-cloud-responsibility-allocation.txt | - 1) 相关责任的实施工作转移原则上不应超过2层。
            TCCIA004-6.6-c-4-1    | 6.6 c) 4) 第1项     | 6.6 c) 4) bullet 1     | tccia-004-2024-cloud-responsibility-allocation.txt | - 提供的产品；
            TCCIA004-8.2.2-b-1-a  | 8.2.2 b) 1) a)     | 8.2.2 b) 1) a)         | tccia-004-2024-cloud-responsibility-allocation.txt | a) 在法定或约定的运维期间内提供约定的软件技术服务，为云服务提供者使用云计算平台提供必要的技术支持；
            JRT-SF-6.3.3-3-2      | 6.3.3 第3段 第2项   | 6.3.3 ¶3 bullet 2      | jrt-securities-futures-cloud-security-spec.txt | - 明确受托方云计算系统宜遵从的技术和管理标准、相关制度和规定，并通过独立第三方的信息管理体系认证（如GB/T 22080或ISO/IEC 27001的最新版本）和IT服务管理体系认证（如GB/T 24405.1或ISO/IEC 20000-1的最新版本），以及通过不低于等级保护三级的测评认证；
            GOVWEB-6.5-a-1        | 6.5 a) 1)          | 6.5 a) 1)              | gov-website-cloud-security-guide.txt | 按照国家或监管部门的要求选择通过党政部门网络安全审查的云服务商；
            GOVWEB-9.3.5-0        | 9.3.5 引导语        | 9.3.5 lead-in          | gov-website-cloud-security-guide.txt | 云服务客户退出云计算服务后，仍应要求云服务商安全处理云服务客户数据
            MLPS-L3-8.2.2.1-a     | 8.2.2.1 a)         | 8.2.2.1 a)             | mlps2-cloud-extension-level3-assessment-guide.txt | 应保证云计算平台不承载高于其安全保护等级的业务应用系统
            """)
    @DisplayName("a sample item's label matches the standard's printed line, in both languages")
    void sampleLabelsMatchThePrintedText(String id, String zh, String en, String file, String printed)
            throws IOException {
        Requirement r = item(id);
        assertThat(ClauseLabel.of(r).text(Locale.SIMPLIFIED_CHINESE)).isEqualTo(zh);
        assertThat(ClauseLabel.of(r).text(Locale.ENGLISH)).isEqualTo(en);
        List<String> lines = Files.readAllLines(STANDARDS.resolve(file));
        String line =
                lines.stream().filter(l -> l.contains(printed)).findFirst().orElse(null);
        assertThat(line).as("the quoted line is in %s", file).isNotNull();
        String marker = r.derivedFromLeadIn() || r.sourceLabel() == null ? null : r.sourceLabel();
        if (marker != null && !file.startsWith("gov-website") && !file.startsWith("mlps2")) {
            // the printed marker opens the line (after a list dash), exactly as the label shows it
            assertThat(line.replaceFirst("^\\s*-\\s*", "")).startsWith(marker);
            assertThat(zh).endsWith(marker);
        }
    }

    @Test
    @DisplayName(
            "GB/T 31167 9.1 1. is cited with the standard's short name where other standards' clauses sit beside it")
    void aCitedLabelCarriesTheStandardsShortName() {
        assertThat(ClauseLabel.cited(item("GBT31167-9.1-a")).text(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("GB/T 31167 9.1 1.");
        assertThat(ClauseLabel.cited(item("GOVWEB-6.1-1")).text(Locale.ENGLISH))
                .isEqualTo("Government website guide 6.1 ¶1");
        for (Standard s : TestCatalogs.shipped().standards()) {
            Requirement any = TestCatalogs.shipped().requirements(s.code()).get(0);
            assertThat(ClauseLabel.cited(any).text(Locale.SIMPLIFIED_CHINESE))
                    .as(s.code())
                    .doesNotContain("catalog.standard")
                    .endsWith(" " + ClauseLabel.of(any).text(Locale.SIMPLIFIED_CHINESE));
        }
    }

    /** Every item's label extends its parent's: the ancestors' printed markers are the ones the parents print. */
    @Test
    @DisplayName("in all five catalogs an item's label is its parent's label plus its own marker")
    void everyLabelExtendsItsParentsLabel() {
        List<String> wrong = new ArrayList<>();
        for (Requirement r : TestCatalogs.shipped().find(RequirementFilter.any())) {
            if (r.item() == null || r.parent() == null) {
                continue;
            }
            Requirement parent = TestCatalogs.shipped().requirement(r.parent()).orElseThrow();
            for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String own = ClauseLabel.of(r).text(l);
                String theirs = ClauseLabel.of(parent).text(l);
                if (!own.startsWith(theirs + " ")) {
                    wrong.add(r.id().value() + ": " + own + " under " + theirs);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
