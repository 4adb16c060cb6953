package org.yunjian.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yunjian.documents.TextRuns.Kind;
import org.yunjian.documents.TextRuns.Run;

class TextRunsTest {

    @Test
    void shortChineseTermsScoresAndIdentifiersAreKeptSentencesWrapDigestsBreakAnywhere() {
        assertThat(TextRuns.of("已完成")).containsExactly(new Run("已完成", Kind.KEEP));
        assertThat(TextRuns.of("10.5 / 12")).containsExactly(new Run("10.5 / 12", Kind.KEEP));
        assertThat(TextRuns.of("93.97 %")).containsExactly(new Run("93.97 %", Kind.KEEP));
        assertThat(TextRuns.of("941.9 MB")).containsExactly(new Run("941.9 MB", Kind.KEEP));
        assertThat(TextRuns.of("安全层面 / 控制点"))
                .containsExactly(
                        new Run("安全层面", Kind.KEEP),
                        new Run(" ", Kind.WRAP),
                        new Run("/", Kind.KEEP),
                        new Run(" ", Kind.WRAP),
                        new Run("控制点", Kind.KEEP));
        assertThat(TextRuns.of("MLPS-L3-8.2.2.1-d（云计算平台，共享）"))
                .containsExactly(new Run("MLPS-L3-8.2.2.1-d", Kind.KEEP), new Run("（云计算平台，共享）", Kind.WRAP));
        assertThat(TextRuns.of("Remediate to meet the requirement"))
                .containsExactly(new Run("Remediate to meet the requirement", Kind.WRAP));
        String sm3 = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
        assertThat(TextRuns.of("SM3 " + sm3)).containsExactly(new Run("SM3 ", Kind.WRAP), new Run(sm3, Kind.ANYWHERE));
        assertThat(String.join(
                        "",
                        TextRuns.of("a  b\n已完成 100.00% x").stream()
                                .map(Run::text)
                                .toList()))
                .isEqualTo("a  b\n已完成 100.00% x");
    }

    @Test
    void unbreakablePiecesAreTheKeptRunsAndEveryLatinWordOrNumber() {
        assertThat(TextRuns.unbreakable("The handover was signed on 2026-01-12 核验对象 12 项"))
                .contains("handover", "signed", "2026-01-12", "核验对象", "12");
        assertThat(TextRuns.xhtml("已完成 & x<y")).isEqualTo("<span class=\"nw\">已完成</span><span> &amp; x&lt;y</span>");
    }

    @Test
    void columnsAreAtLeastAsWideAsTheirWidestWordAndFillTheWidth() {
        List<List<String>> rows = List.of(
                List.of("序号", "控制点", "说明"),
                List.of("12", "数据备份恢复", "The deletion was witnessed on site and the handover was signed."));
        int[] w = ColumnWidths.of(rows, 3, 8730, 210, 170);
        assertThat(w[0] + w[1] + w[2]).isEqualTo(8730);
        assertThat(w[0]).isGreaterThanOrEqualTo((int) (2 * 210) + 170);
        assertThat(w[1]).isGreaterThanOrEqualTo(6 * 210 + 170);
        assertThat(w[2]).isGreaterThan(w[1]);
    }
}
