package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yunjian.security.internal.password.PasswordPolicy;

/**
 * Properties over random input with fixed seeds (reproducible). Jazzer is deliberately not used here:
 * its agent rewrites classes loaded after it starts and drops the {@code -parameters} metadata that
 * Spring's configuration-property binding needs, breaking Spring contexts of later tests in the same JVM.
 */
class RandomisedPropertiesTest {

    private final PasswordPolicy policy =
            new PasswordPolicy(PasswordPolicyTest.properties(), PasswordPolicyTest.messages());

    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> 0x5EC0_0000L + i);
    }

    private static String randomString(Random r, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(r.nextInt(4) == 0 ? r.nextInt(0x3000, 0x9FFF) : r.nextInt(0x20, 0x7F));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void base32RoundTripsAnyBytes(long seed) {
        Random r = new Random(seed);
        byte[] bytes = new byte[r.nextInt(64)];
        r.nextBytes(bytes);
        assertThat(Totp.base32Decode(Totp.base32Encode(bytes))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void policyAcceptsOnlyPasswordsMeetingEveryRule(long seed) {
        Random r = new Random(seed);
        String username = randomString(r, 8);
        String password = randomString(r, 24);
        if (policy.violations(username, password).isEmpty()) {
            assertThat(password.codePointCount(0, password.length())).isGreaterThanOrEqualTo(12);
            assertThat(PasswordPolicy.characterClasses(password)).isGreaterThanOrEqualTo(3);
            if (!username.isBlank()) {
                assertThat(password.toLowerCase(java.util.Locale.ROOT))
                        .doesNotContain(username.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /** Every seed reaches an assertion: a code of a step near the time is accepted exactly within ±1 step. */
    @ParameterizedTest
    @MethodSource("seeds")
    void totpAcceptsExactlyTheCodesOfNeighbouringSteps(long seed) {
        Random r = new Random(seed);
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Instant at = Instant.ofEpochSecond(r.nextLong(0, 4_000_000_000L));
        int offset = r.nextInt(-3, 4);
        String code = Totp.code(secret, at.plusSeconds(30L * offset));
        var step = Totp.matchingStep(secret, code, at);
        if (Math.abs(offset) <= 1) {
            assertThat(step).as("code of step %+d", offset).hasValue(Totp.step(at) + offset);
        } else {
            assertThat(step).as("code of step %+d", offset).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void totpRefusesCodesOfOtherSteps(long seed) {
        Random r = new Random(seed);
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Instant at = Instant.ofEpochSecond(r.nextLong(0, 4_000_000_000L));
        String code = String.format("%06d", r.nextInt(1_000_000));
        long now = Totp.step(at);
        boolean neighbour = java.util.stream.LongStream.rangeClosed(now - 1, now + 1)
                .anyMatch(s -> Totp.code(secret, Instant.ofEpochSecond(s * 30)).equals(code));
        assertThat(Totp.matchingStep(secret, code, at).isPresent()).isEqualTo(neighbour);
    }
}
