package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.security.internal.password.PasswordPolicy;

/**
 * Issue 33: the deny-list accepted {@code Zhangwei@2026}. A common Chinese name in pinyin (surname, given name, or
 * both in either order) with only a year, a date or a common number and a few symbols is refused, naming why; a
 * name as a small part of a strong password is not.
 */
class CommonNamePasswordsTest {

    private final PasswordPolicy policy =
            new PasswordPolicy(PasswordPolicyTest.properties(), PasswordPolicyTest.messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Zhangwei@2026",
                "ZhangWei2026!",
                "wangfang123!",
                "Zhang.Wei-2026!",
                "WeiZhang@1988",
                "Liuyang!520520",
                "Chenjing#19900101",
                "Huangxiuying@123",
                "Zh4ngW3i@2026",
                "2026@ZhangWei!",
                "Ouyangna@1314",
                "Zhaotingting#888",
                "Lvbin-2001-0618",
                "Xiaolong!!20",
                "Yangzihan*2018",
                "Ｚｈａｎｇｗｅｉ＠２０２６"
            })
    void refusesACommonNameWithAYearOrCommonNumber(String password) {
        assertThat(policy.violations("alice", password)).containsExactly(PasswordPolicy.Rule.COMMON_NAME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ZhangWei-drinks-green-tea-9",
                "Zhangwei$8317%^",
                "wang-fang-Kd93!x7q",
                "Xk9#mZhangwei2026Lp",
                "Correct-Horse-Battery9",
                "Tr0ub4dor-Horse&3",
                "Mountain-Li-Na-River-42",
                "Summer-Harvest-2026!"
            })
    void acceptsPassphrasesThatMerelyContainAName(String password) {
        assertThat(policy.violations("alice", password)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            zh-CN | 不得是常见姓名（拼音）加年份、日期或常见数字（如 Zhangwei@2026、wangfang123!），这类密码最容易被猜中
            en    | not a common Chinese name (in pinyin) with a year, a date or a common number
            """)
    void namesWhyInBothLanguages(String tag, String expected) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(tag));
        assertThat(policy.describe(policy.violations("alice", "Zhangwei@2026"))).contains(expected);
    }

    @Test
    void theFormsSummaryMentionsTheRule() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(policy.summary()).contains("common Chinese name");
    }

    @Test
    void everySurnameOfTheListCountsNotOnlyTheFirstFew() {
        // the hundredth surname (向 xiang) and a compound one, with a two-syllable given name and a year
        assertThat(policy.violations("alice", "Xiangxiuying@2026")).containsExactly(PasswordPolicy.Rule.COMMON_NAME);
        assertThat(policy.violations("alice", "Zhugeliang@2026")).containsExactly(PasswordPolicy.Rule.COMMON_NAME);
    }
}
