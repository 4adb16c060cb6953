package org.yunjian.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

/**
 * The multi-lane SM3 ({@link Sm3Batch} over the Vector API kernel) against GB/T 32905 and BouncyCastle. The
 * kernel needs {@code --add-modules jdk.incubator.vector}, which the build gives the test JVM; without it
 * these tests are skipped (the code then falls back to {@link FastSm3}).
 */
class Sm3BatchTest {

    private static Sm3Kernel kernel() {
        Sm3Kernel k = Sm3Kernel.vector();
        assumeTrue(k != null, "jdk.incubator.vector is not in this JVM (run with --add-modules jdk.incubator.vector)");
        return k;
    }

    private static byte[] bc(byte[] m) {
        SM3Digest d = new SM3Digest();
        d.update(m, 0, m.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    @Test
    void theBuildRunsTestsWithTheVectorKernel() {
        assertThat(Sm3Kernel.vector()).as("surefire passes --add-modules jdk.incubator.vector").isNotNull();
        assertThat(Sm3Kernel.available()).isTrue();
        assertThat(Sm3Kernel.enabled()).as("opt-in only").isEqualTo("true".equals(System.getProperty("yunjian.sm3.lanes")));
    }

    @Test
    void passesTheExamplesOfGbT32905() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] abcd16 = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
        byte[][] d = Sm3Batch.digestAll(kernel(), List.of(abc, abcd16));
        assertThat(Hex.encode(d[0])).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Hex.encode(d[1])).isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void agreesWithBouncyCastleForEveryLaneCountAndUnevenLengths() {
        Sm3Kernel k = kernel();
        Random rnd = new Random(32905);
        for (int count = 1; count <= 2 * Sm3Kernel.LANES + 3; count++) {
            List<byte[]> msgs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // lengths around the padding boundaries (55, 56, 63, 64, 119, 120…) and some long ones
                int len = switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextInt(130);
                    case 1 -> 64 * rnd.nextInt(4) + 55 + rnd.nextInt(3);
                    case 2 -> rnd.nextInt(70_000);
                    default -> 65_536 * (1 + rnd.nextInt(2)) + rnd.nextInt(3) - 1;
                };
                byte[] m = new byte[len];
                rnd.nextBytes(m);
                msgs.add(m);
            }
            byte[][] d = Sm3Batch.digestAll(k, msgs);
            for (int i = 0; i < count; i++) {
                assertThat(Hex.encode(d[i])).as("%d messages, message %d of %d bytes", count, i, msgs.get(i).length)
                        .isEqualTo(Hex.encode(bc(msgs.get(i))));
            }
        }
    }

    @Test
    void aFailingMessageDoesNotDisturbTheOtherLanes() {
        Sm3Kernel k = kernel();
        List<byte[]> ok = List.of(new byte[100], new byte[5000], new byte[0]);
        java.util.ArrayDeque<Sm3Batch.Job> queue = new java.util.ArrayDeque<>();
        byte[][] out = new byte[3][];
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            queue.add(job(() -> new java.io.ByteArrayInputStream(ok.get(n)), d -> out[n] = d, failures));
            queue.add(job(() -> new java.io.InputStream() {
                int left = 200;

                @Override
                public int read() throws java.io.IOException {
                    if (left <= 0) {
                        throw new java.io.IOException("disk error");
                    }
                    left--;
                    return 1;
                }
            }, d -> { }, failures));
        }
        new Sm3Batch(k).run(block -> queue.poll());
        assertThat(failures).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(out[i]).isEqualTo(bc(ok.get(i)));
        }
    }

    private interface Opener {
        java.io.InputStream open() throws java.io.IOException;
    }

    private static Sm3Batch.Job job(Opener in, java.util.function.Consumer<byte[]> done, List<Exception> failures) {
        return new Sm3Batch.Job() {
            @Override
            public java.io.InputStream open() throws java.io.IOException {
                return in.open();
            }

            @Override
            public void done(byte[] digest, long length) {
                done.accept(digest);
            }

            @Override
            public void failed(Exception e) {
                failures.add(e);
            }
        };
    }
}
