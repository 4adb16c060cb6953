package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.password.PasswordPolicy;

/** The issue-10 password rules, one readable row per case. Escapes: NUL etc. are spelled \\uXXXX and decoded. */
class PasswordRulesTest {

    private final PasswordPolicy policy =
            new PasswordPolicy(PasswordPolicyTest.properties(), PasswordPolicyTest.messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Password123!                    | COMMON_PASSWORD
            P@ssw0rd2026!!                  | COMMON_PASSWORD
            Yunjian-Demo-2026               | COMMON_PASSWORD
            MyYunjian#Secure1               | COMMON_PASSWORD
            Qwertyuiop-123                  | COMMON_PASSWORD
            Tr0ub4dor-Horse&3               |
            Welcome@20262026                | COMMON_PASSWORD
            !!Letmein2026??                 | COMMON_PASSWORD
            Woaini!5201314                  | COMMON_PASSWORD
            Correct-Horse-Battery9          |
            Tall\\u0000Ship-Sails-9          | CONTROL_CHARACTER
            Tall\\u001bShip-Sails-9          | CONTROL_CHARACTER
            Tall\\u0085Ship-Sails-9          | CONTROL_CHARACTER
            Tall\\u200bShip-Sails-9          | INVISIBLE_CHARACTER
            Tall\\u200fShip-Sails-9          | INVISIBLE_CHARACTER
            Tall\\u2060Ship-Sails-9          | INVISIBLE_CHARACTER
            Tall\\ufeffShip-Sails-9          | INVISIBLE_CHARACTER
            Tall\\u202eShip-Sails-9          | INVISIBLE_CHARACTER
            Tall\\ud800Ship-Sails-9          | INVALID_UNICODE
            Tall\\udc00Ship-Sails-9          | INVALID_UNICODE
            Tall\\uffffShip-Sails-9          | INVALID_UNICODE
            """)
    void refusesWithTheRuleNamed(String escaped, String rule) {
        List<PasswordPolicy.Rule> broken = policy.violations("alice", unescape(escaped));
        if (rule == null) {
            assertThat(broken).isEmpty();
        } else {
            assertThat(broken).contains(PasswordPolicy.Rule.valueOf(rule));
        }
    }

    @ParameterizedTest(name = "{0}: {1} visible characters")
    @CsvSource(delimiter = '|', textBlock = """
            Ab1!Ab1!Ab1!                           | 12
            Ab1!\\u200b\\u200b\\u200b\\u200b\\u200bAb1!A  | 9
            密码Ab1!密码Ab1!\\ud83d\\ude00\\ud83d\\ude00  | 14
            e\\u0301e\\u0301e\\u0301Ab1!Ab1!Ab       | 13
            """)
    void countsVisibleCharactersNotUtf16Units(String escaped, int visible) {
        assertThat(PasswordPolicy.visibleLength(unescape(escaped))).isEqualTo(visible);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ab1!\\u200b\\u200b\\u200b\\u200b\\u200bAb1!A", "Ab1!Ab1!A\\u0000\\u0000\\u0000"})
    void paddingWithInvisibleCharactersDoesNotReachTheMinimumLength(String escaped) {
        assertThat(policy.violations("alice", unescape(escaped))).contains(PasswordPolicy.Rule.MIN_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Yunjian-Demo-2026"})
    void thePublishedDemoPasswordPassesOnlyWhereExplicitlyExempted(String demo) {
        assertThat(policy.violations("alice", demo)).contains(PasswordPolicy.Rule.COMMON_PASSWORD);
        assertThat(policy.violations("alice", demo, demo)).isEmpty();
        assertThat(policy.violations("alice", "Password123!", demo)).contains(PasswordPolicy.Rule.COMMON_PASSWORD);
    }

    @ParameterizedTest(name = "changed {0} h ago, mustChange={1}, demo={2} -> too recent: {3}")
    @CsvSource({
        "1,  false, false, true",
        "23, false, false, true",
        "24, false, false, false",
        "1,  true,  false, false",
        "2200, false, false, false"
    })
    void minimumAgeAppliesToVoluntaryChangesOnly(long hoursAgo, boolean mustChange, boolean demo, boolean tooRecent) {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        Account a = new Account(
                UUID.randomUUID(),
                "alice",
                "Alice",
                Role.USER,
                UUID.randomUUID(),
                "h",
                now.minus(Duration.ofHours(hoursAgo)),
                mustChange,
                0,
                null,
                null,
                true,
                demo,
                now);
        assertThat(policy.tooRecentToChange(a, now)).isEqualTo(tooRecent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            zh-CN | 不得是常见或已公开的密码
            en    | not a common or published password
            """)
    void namesTheNewRulesInBothLanguages(String tag, String expected) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(tag));
        assertThat(policy.describe(List.of(
                        PasswordPolicy.Rule.COMMON_PASSWORD,
                        PasswordPolicy.Rule.TOO_RECENT,
                        PasswordPolicy.Rule.INVISIBLE_CHARACTER,
                        PasswordPolicy.Rule.CONTROL_CHARACTER,
                        PasswordPolicy.Rule.INVALID_UNICODE)))
                .contains(expected)
                .contains("24");
    }

    /** Decodes \\uXXXX escapes, so that rows can show invisible characters. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i) && i + 6 <= s.length()) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
