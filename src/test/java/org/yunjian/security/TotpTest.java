package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 Appendix B, SHA-1 rows: the seed is the ASCII string "12345678901234567890". */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} -> {1}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void matchesRfc6238Sha1Vectors(long unixTime, String expected) {
        Instant at = Instant.ofEpochSecond(unixTime);
        assertThat(Totp.code(SEED, Totp.step(at), 8)).isEqualTo(expected);
        assertThat(Totp.code(Totp.base32Encode(SEED), at)).isEqualTo(expected.substring(2));
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.base32Encode("foobar".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32Decode("MZXW6YTBOI======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Totp.base32Encode(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String secret = Totp.newSecret();
        assertThat(Totp.base32Encode(Totp.base32Decode(secret))).isEqualTo(secret);
    }

    @Test
    void acceptsOneStepOfDriftEitherWayButNotTwo() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-11-21T08:00:15Z");
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(30)), now))
                .hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.plusSeconds(30)), now))
                .hasValue(step + 1);
        String old = Totp.code(secret, now.minusSeconds(60));
        if (!old.equals(Totp.code(secret, now))
                && !old.equals(Totp.code(secret, now.minusSeconds(30)))
                && !old.equals(Totp.code(secret, now.plusSeconds(30)))) {
            assertThat(Totp.matchingStep(secret, old, now)).isEmpty();
        }
    }

    @Test
    void rejectsMalformedCodes() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();
        assertThat(Totp.matchingStep(secret, "", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
    }

    @Test
    void buildsOtpauthUri() {
        assertThat(Totp.uri("Yunjian", "sec admin", "ABC"))
                .isEqualTo(
                        "otpauth://totp/Yunjian:sec%20admin?secret=ABC&issuer=Yunjian&algorithm=SHA1&digits=6&period=30");
    }
}
