package org.yunjian.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

class FastSm3Test {

    @Test
    void hashesAbcAsInGbT32905AppendixA1() {
        assertThat(Hex.encode(FastSm3.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hashesSixtyFourByteMessageAsInGbT32905AppendixA2() {
        assertThat(Hex.encode(FastSm3.digest("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void agreesWithBouncyCastleOnRandomInputsAndSplits() {
        SplittableRandom rnd = new SplittableRandom(32905);
        FastSm3 fast = new FastSm3();
        for (int round = 0; round < 2000; round++) {
            int len = round < 300 ? round : rnd.nextInt(20_000);
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            SM3Digest bc = new SM3Digest();
            bc.update(data, 0, len);
            byte[] expected = new byte[32];
            bc.doFinal(expected, 0);
            int off = 0;
            while (off < len) {
                int n = Math.min(len - off, rnd.nextInt(150) + 1);
                fast.update(data, off, n);
                off += n;
            }
            assertThat(fast.digest()).as("length %d", len).isEqualTo(expected);
        }
    }
}
