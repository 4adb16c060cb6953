package org.yunjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.shared.Texts;

/**
 * Issue 59 item 2: the report's 测评依据 names the documents its items and their verdict criteria come from, each as
 * the texts in docs/standards name it — the 作业指导书 as its heading does
 * (mlps2-cloud-extension-level3-assessment-guide.txt line 7: "云计算安全拓展要求 (S3A3G3) 作业指导书"), the
 * government-website guide as its title line does (gov-website-cloud-security-guide.txt line 10), the JR/T
 * specification by its title (jrt-securities-futures-cloud-security-spec.txt line 9) and GB/T 31167-2014 as the
 * government-website guide cites it (line 19) — and no title the texts do not give.
 */
class ReportBasisLineTest {

    @AfterEach
    void resetLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theCloudExtensionScopeNamesTheWorkingInstructionsTheCriteriaComeFrom() {
        LocaleContextHolder.setLocale(Texts.CHINESE);
        assertThat(ReportText.basisLine(List.of("MLPS-L3")))
                .isEqualTo("测评依据：GB/T 22239-2019《网络安全等级保护基本要求》（含云计算安全扩展要求）、"
                        + "GB/T 28448-2019《网络安全等级保护测评要求》、"
                        + "《云计算安全拓展要求（S3A3G3）作业指导书》（测评方法、预期结果或主要证据及符合情况判定所本）。");
    }

    @Test
    void everyOtherStandardInTheScopeIsNamedOnceAndImportedCatalogsStayTheOtherStandards() {
        LocaleContextHolder.setLocale(Texts.CHINESE);
        String line =
                ReportText.basisLine(List.of("MLPS-L3", "JRT-SF", "GOVWEB:PLANNING", "GOVWEB:OPERATION", "GBT31167"));
        assertThat(line)
                .endsWith("《证券期货业云技术应用安全规范》、《信息安全技术 政府网站云计算服务安全指南》、" + "GB/T 31167-2014《信息安全技术 云计算服务安全指南》。")
                .doesNotContain("其他标准");
        assertThat(line.split("政府网站云计算服务安全指南", -1)).hasSize(2);
        // a scope without the extension items does not claim the 作业指导书
        assertThat(ReportText.basisLine(List.of("GOVWEB:EXIT"))).doesNotContain("作业指导书");
        // an imported catalog has no title in the texts: it stays "the other standards in the scope"
        assertThat(ReportText.basisLine(List.of("MLPS-L3", "CATALOG:sample-item-table")))
                .endsWith("作业指导书》（测评方法、预期结果或主要证据及符合情况判定所本）及本项目测评范围内的其他标准。");
    }

    @Test
    void inEnglishTheTitlesStayAsTheTextsWriteThem() {
        LocaleContextHolder.setLocale(Texts.ENGLISH);
        assertThat(ReportText.basisLine(List.of("MLPS-L3")))
                .startsWith("Basis: GB/T 22239-2019")
                .contains("the working instructions 《云计算安全拓展要求（S3A3G3）作业指导书》")
                .endsWith(".");
    }
}
