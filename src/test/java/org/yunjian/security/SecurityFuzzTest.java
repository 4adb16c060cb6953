package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.yunjian.security.internal.password.PasswordPolicy;

/**
 * Properties over arbitrary input (regression mode in the normal suite: the seed corpus under
 * {@code src/test/resources/org/yunjian/security/SecurityFuzzTestInputs/}; {@code JAZZER_FUZZ=1} to fuzz).
 * Text is read as UTF-8 from the front of the input, numbers from its end (Jazzer's
 * {@link FuzzedDataProvider} order), so the seeds are readable files with a few bytes appended.
 */
class SecurityFuzzTest {

    static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final AtomicInteger ACCEPTED_PASSWORDS = new AtomicInteger();
    private static final AtomicInteger ACCEPTED_CODES = new AtomicInteger();
    private static final AtomicInteger REFUSED_CODES = new AtomicInteger();

    private final PasswordPolicy policy =
            new PasswordPolicy(PasswordPolicyTest.properties(), PasswordPolicyTest.messages());

    @FuzzTest
    void base32RoundTripsAnyBytes(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        assertThat(Totp.base32Decode(Totp.base32Encode(bytes))).isEqualTo(bytes);
    }

    /** Input: {@code username}, a line feed, then the password (UTF-8). */
    @FuzzTest
    void policyJudgesAnyPasswordWithoutFailing(FuzzedDataProvider data) {
        String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String username = nl < 0 ? "" : text.substring(0, nl);
        String password = nl < 0 ? text : text.substring(nl + 1);
        var broken = policy.violations(username, password);
        if (broken.isEmpty()) {
            ACCEPTED_PASSWORDS.incrementAndGet();
            assertThat(password.codePointCount(0, password.length())).isGreaterThanOrEqualTo(12);
            assertThat(PasswordPolicy.characterClasses(password)).isGreaterThanOrEqualTo(3);
        }
    }

    /**
     * A code is accepted exactly when it is the code of the current step or a neighbouring one, and the
     * step found is the one whose code it is. Input: a typed code (UTF-8), then a byte choosing between the
     * typed code and the code of a step near the time (odd: generated), a byte for that step's offset
     * (-3…3) and four bytes (little-endian) for the time in seconds since 1970.
     */
    @FuzzTest
    void totpAcceptsExactlyTheCodesOfNeighbouringSteps(FuzzedDataProvider data) {
        Instant at = Instant.ofEpochSecond(data.consumeLong(0, 4_000_000_000L));
        int offset = data.consumeInt(0, 6) - 3;
        boolean generated = data.consumeBoolean();
        String typed = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        String code = generated ? Totp.code(SECRET, at.plusSeconds(30L * offset)) : typed;
        long now = Totp.step(at);
        boolean neighbour = LongStream.rangeClosed(now - 1, now + 1)
                .anyMatch(s -> Totp.code(SECRET, Instant.ofEpochSecond(s * 30)).equals(code.strip()));

        var step = Totp.matchingStep(SECRET, code, at);

        assertThat(step.isPresent()).as("code %s at %s accepted", code, at).isEqualTo(neighbour);
        if (step.isPresent()) {
            ACCEPTED_CODES.incrementAndGet();
            assertThat(code.strip()).matches("[0-9]{6}");
            assertThat(Math.abs(step.getAsLong() - now)).isLessThanOrEqualTo(1);
            assertThat(Totp.code(SECRET, Instant.ofEpochSecond(step.getAsLong() * 30)))
                    .isEqualTo(code.strip());
        } else {
            REFUSED_CODES.incrementAndGet();
        }
    }

    /** The seed corpus reaches the assertions: accepted passwords and codes, and refused codes. */
    @AfterAll
    static void seedsReachTheAssertions() {
        assertThat(ACCEPTED_PASSWORDS).as("passwords the policy accepted").hasPositiveValue();
        assertThat(ACCEPTED_CODES).as("TOTP codes accepted").hasPositiveValue();
        assertThat(REFUSED_CODES).as("TOTP codes refused").hasPositiveValue();
    }
}
