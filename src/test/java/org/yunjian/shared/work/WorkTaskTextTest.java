package org.yunjian.shared.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.Msg;

/**
 * A task's arguments are read in the reader's language when it is shown: the integrator's 我的待办 printed a plan duty
 * as "5.4 ¶4" on a Chinese page, because the clause label was rendered once, in the seeding thread's language.
 */
class WorkTaskTextTest {

    static final Msg CLAUSE =
            Msg.of("catalog.label.item", Msg.of("catalog.label.clause", "5.4"), Msg.of("catalog.label.paragraph", 4));

    @Test
    void aClauseLabelArgumentIsReadInEachReadersLanguage() {
        List<String> args = List.of("示例市人民政府门户网站", WorkTask.message(CLAUSE));
        assertThat(WorkTask.text("work.lifecycle.duty.do", args).text(Locale.SIMPLIFIED_CHINESE))
                .contains("示例市人民政府门户网站")
                .contains("5.4 第4段")
                .doesNotContain("¶")
                .doesNotContain("msg");
        assertThat(WorkTask.text("work.lifecycle.duty.do", args).text(Locale.ENGLISH))
                .contains("5.4 ¶4")
                .doesNotContain("第4段");
    }

    @Test
    void aKeyArgumentIsReadFromTheBundlesAndAnyOtherArgumentIsShownAsItIs() {
        assertThat(WorkTask.shown("msg:error.not-found")).isEqualTo(Msg.of("error.not-found"));
        assertThat(WorkTask.shown("5.2.1 b)")).isEqualTo("5.2.1 b)");
        assertThat(WorkTask.shown(null)).isEqualTo("");
    }
}
