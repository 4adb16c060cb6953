package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.security.internal.password.PasswordPolicy.Rule.CHARACTER_CLASSES;
import static org.yunjian.security.internal.password.PasswordPolicy.Rule.CONTAINS_USERNAME;
import static org.yunjian.security.internal.password.PasswordPolicy.Rule.MAX_LENGTH;
import static org.yunjian.security.internal.password.PasswordPolicy.Rule.MIN_LENGTH;
import static org.yunjian.security.internal.password.PasswordPolicy.Rule.REUSED;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.SecurityProperties;
import org.yunjian.security.internal.password.PasswordPolicy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(properties(), messages());

    static SecurityProperties properties() {
        return new SecurityProperties(
                Duration.ofMinutes(15),
                Duration.ofHours(8),
                "",
                new SecurityProperties.Password(12, 3, 5, Duration.ofDays(90)),
                new SecurityProperties.Lockout(5, Duration.ofMinutes(15)));
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages/security");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void acceptsLongPasswordWithThreeClasses() {
        assertThat(policy.violations("alice", "correct-Horse-battery")).isEmpty();
        assertThat(policy.violations("alice", "CORRECT7HORSE!BATTERY")).isEmpty();
    }

    @Test
    void rejectsShortPassword() {
        assertThat(policy.violations("alice", "Ab1!Ab1!Ab1")).containsExactly(MIN_LENGTH);
    }

    @Test
    void rejectsPasswordWithTwoCharacterClasses() {
        assertThat(policy.violations("alice", "onlylowercase123")).containsExactly(CHARACTER_CLASSES);
    }

    @Test
    void rejectsPasswordContainingTheUsernameInAnyCase() {
        assertThat(policy.violations("alice", "xxALICE-2026yy")).containsExactly(CONTAINS_USERNAME);
    }

    @Test
    void rejectsOverlongPassword() {
        assertThat(policy.violations("alice", "Aa1!".repeat(40))).containsExactly(MAX_LENGTH);
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertThat(policy.violations("bob", "bob")).containsExactly(MIN_LENGTH, CHARACTER_CLASSES, CONTAINS_USERNAME);
        assertThat(policy.violations("bob", null)).containsExactly(MIN_LENGTH, CHARACTER_CLASSES);
    }

    @Test
    void countsCharacterClasses() {
        assertThat(PasswordPolicy.characterClasses("aA1!")).isEqualTo(4);
        assertThat(PasswordPolicy.characterClasses("密码密码")).isZero();
        assertThat(PasswordPolicy.characterClasses("abc def")).isEqualTo(1);
    }

    @Test
    void namesEveryRuleInChinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        String message = policy.describe(List.of(MIN_LENGTH, CHARACTER_CLASSES, CONTAINS_USERNAME, REUSED));
        assertThat(message)
                .startsWith("密码不符合要求：")
                .contains("长度至少 12 个字符")
                .contains("中的 3 类")
                .contains("不得包含用户名")
                .contains("最近 5 次")
                .endsWith("。");
    }

    @Test
    void namesEveryRuleInEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        String message = policy.describe(List.of(MIN_LENGTH, CHARACTER_CLASSES, CONTAINS_USERNAME, REUSED));
        assertThat(message)
                .isEqualTo("The password breaks these rules: at least 12 characters; at least 3 of "
                        + "upper-case letters, lower-case letters, digits and symbols; must not contain the user name; "
                        + "must differ from the last 5 passwords.");
    }

    @Test
    void requiresChangeWhenOlderThanMaxAgeOrSetByAdministrator() {
        Instant changed = Instant.parse("2026-01-01T00:00:00Z");
        Account fresh = account(changed, false, false);
        assertThat(policy.changeRequiredReason(fresh, changed.plus(Duration.ofDays(89))))
                .isNull();
        assertThat(policy.changeRequiredReason(fresh, changed.plus(Duration.ofDays(90))))
                .isEqualTo("expired");
        assertThat(policy.changeRequiredReason(account(changed, true, false), changed))
                .isEqualTo("required");
        assertThat(policy.changeRequiredReason(account(changed, false, true), changed.plus(Duration.ofDays(400))))
                .isNull();
    }

    private static Account account(Instant changed, boolean mustChange, boolean demo) {
        return new Account(
                UUID.randomUUID(),
                "alice",
                "Alice",
                Role.USER,
                UUID.randomUUID(),
                "hash",
                changed,
                mustChange,
                0,
                null,
                null,
                true,
                demo,
                changed);
    }
}
