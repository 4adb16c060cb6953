package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Properties over arbitrary input (regression mode in the normal suite; {@code JAZZER_FUZZ=1} to fuzz). */
class SecurityFuzzTest {

    private final PasswordPolicy policy = new PasswordPolicy(PasswordPolicyTest.properties(),
            PasswordPolicyTest.messages());

    @FuzzTest
    void base32RoundTripsAnyBytes(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        assertThat(Totp.base32Decode(Totp.base32Encode(bytes))).isEqualTo(bytes);
    }

    @FuzzTest
    void policyJudgesAnyPasswordWithoutFailing(FuzzedDataProvider data) {
        String username = data.consumeString(64);
        String password = data.consumeRemainingAsString();
        var broken = policy.violations(username, password);
        if (broken.isEmpty()) {
            assertThat(password.codePointCount(0, password.length())).isGreaterThanOrEqualTo(12);
            assertThat(PasswordPolicy.characterClasses(password)).isGreaterThanOrEqualTo(3);
        }
    }

    @FuzzTest
    void totpAcceptsOnlySixDigitCodes(FuzzedDataProvider data) {
        String code = data.consumeString(12);
        var step = Totp.matchingStep("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", code,
                Instant.ofEpochSecond(data.consumeLong(0, 4_000_000_000L)));
        if (step.isPresent()) {
            assertThat(code.strip()).matches("[0-9]{6}");
        }
    }
}
