package org.yunjian.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sm3Test {

    @Test
    void hashesAbcAsInGbT32905AppendixA1() {
        assertThat(Sm3.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hashesSixtyFourByteMessageAsInGbT32905AppendixA2() {
        assertThat(Sm3.digest("abcd".repeat(16)))
                .isEqualTo(Sm3Digest.of("debe9ff9 2275b8a1 38604889 c18e5a4d 6fdb70e5 387e5765 293dcba3 9c0c5732"));
    }

    @Test
    void incrementalHashingEqualsOneShot() {
        byte[] data = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
        Sm3Digest incremental = Sm3.newHasher()
                .update(data, 0, 10)
                .update(data, 10, data.length - 10)
                .finish();
        assertThat(incremental).isEqualTo(Sm3.digest(data));
    }

    @Test
    void hashesStreamsAndFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        byte[] big = new byte[200_000];
        new java.util.Random(1).nextBytes(big);
        java.nio.file.Path f = java.nio.file.Files.write(dir.resolve("f"), big);
        assertThat(Sm3.digest(f)).isEqualTo(Sm3.digest(big));
        assertThat(Sm3.digest(new java.io.ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)))
                        .hex())
                .startsWith("66c7f0f4");
    }

    @Test
    void digestsDifferAfterOneFlippedBit() {
        byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
        Sm3Digest original = Sm3.digest(data);
        data[1] ^= 1;
        assertThat(Sm3.digest(data)).isNotEqualTo(original);
    }

    @Test
    void rejectsDigestOfWrongLength() {
        assertThatThrownBy(() -> Sm3Digest.of("abcd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hexRoundTrips() {
        byte[] b = {0, 1, (byte) 0xab, (byte) 0xff};
        assertThat(Hex.encode(b)).isEqualTo("0001abff");
        assertThat(Hex.decode("00 01 AB ff")).containsExactly(b);
    }

    @Test
    void aPastedDigestIsTakenInEitherCaseWithSpacesAroundAndNothingElse() {
        String hex = Sm3.digest("abc").hex();
        assertThat(Sm3Digest.parse("  " + hex.toUpperCase(java.util.Locale.ROOT) + "\n"))
                .contains(Sm3.digest("abc"));
        assertThat(Sm3Digest.parse(hex).orElseThrow().hex()).isEqualTo(hex);
        assertThat(Sm3Digest.parse(hex.substring(1))).isEmpty();
        assertThat(Sm3Digest.parse(hex.substring(1) + "g")).isEmpty();
        assertThat(Sm3Digest.parse(hex.substring(0, 32) + " " + hex.substring(32)))
                .isEmpty();
        assertThat(Sm3Digest.parse(null)).isEmpty();
    }
}
