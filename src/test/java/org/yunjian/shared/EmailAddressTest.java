package org.yunjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 33: the reminder address accepted bidi and zero-width characters and {@code a@[127.0.0.1]}. One value type
 * checks every e-mail address as single-line text and as one plain address, naming the reason in zh-CN and en.
 * Rows spell invisible characters as \\uXXXX.
 */
class EmailAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a@[127.0.0.1]                       | email.problem.literal   | an IP address in brackets
            a@[IPv6:::1]                        | email.problem.literal   | an IP address in brackets
            li\\u200bsi@example.cn              | email.problem.invisible | character 3 (U+200B)
            lisi@exam\\u200dple.cn              | email.problem.invisible | (U+200D)
            \\ufefflisi@example.cn              | email.problem.invisible | character 1 (U+FEFF)
            lisi\\u2060@example.cn              | email.problem.invisible | (U+2060)
            lisi@\\u202eexample.cn              | email.problem.bidi      | (U+202E) is a text-direction control
            lisi@example.cn\\u2066              | email.problem.bidi      | (U+2066)
            \\u200flisi@example.cn              | email.problem.bidi      | character 1 (U+200F)
            lisi\\u061c@example.cn              | email.problem.bidi      | (U+061C)
            lisi@example.cn\\u000abcc@evil.cn   | email.problem.control   | line break (U+000A)
            li\\u0000si@example.cn              | email.problem.control   | (U+0000)
            li si@example.cn                    | email.problem.invisible | character 3 (U+0020)
            "lisi"@example.cn                   | email.problem.quoted    | quoted user names
            lisi(comment)@example.cn            | email.problem.quoted    | comments
            lisi@localhost                      | email.problem.domain    | "localhost" is not a complete domain name
            lisi@10.0.0.1                       | email.problem.domain    | "10.0.0.1"
            lisi@example.123                    | email.problem.domain    | "example.123"
            张三 <lisi@example.cn>              | email.problem.invisible | (U+0020)
            lisi@example.cn,wu@example.cn       | email.problem.invalid   | Not a valid e-mail address: lisi@example.cn,wu@example.cn
            not-an-address                      | email.problem.invalid   | Not a valid e-mail address
            a@b@example.cn                      | email.problem.invalid   | Not a valid e-mail address
            """)
    void refusesNamingTheReason(String escaped, String key, String english) {
        String value = TextTest.unescape(escaped);
        assertThat(EmailAddress.problem(value)).hasValueSatisfying(m -> {
            assertThat(m.key()).isEqualTo(key);
            assertThat(m.text(Locale.ENGLISH))
                    .startsWith("Not a valid e-mail address")
                    .contains(english);
            assertThat(m.text(Locale.SIMPLIFIED_CHINESE)).startsWith("不是有效的电子邮件地址");
        });
        assertThat(EmailAddress.isValid(value)).isFalse();
        assertThatThrownBy(() -> EmailAddress.parse("email", value))
                .isInstanceOfSatisfying(FieldErrors.ValidationException.class, e -> assertThat(e.messages())
                        .containsOnlyKeys("email"));
        assertThatThrownBy(() -> new EmailAddress(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "lisi@example.cn",
                "zhang.san+reminders@mail.example.gov.cn",
                "a_b-c@sub.example.com.cn",
                "X@EXAMPLE.ORG"
            })
    void acceptsPlainAddresses(String value) {
        assertThat(EmailAddress.parse("email", "  " + value + " ").value()).isEqualTo(value);
    }

    @Test
    void refusesMoreThan254Characters() {
        String local = "a".repeat(61);
        String longOne = local + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example.cn";
        assertThat(longOne.length()).isGreaterThan(254);
        assertThat(EmailAddress.problem(longOne)).hasValueSatisfying(m -> assertThat(m.text(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("不是有效的电子邮件地址：电子邮件地址不能超过 254 个字符"));
    }
}
