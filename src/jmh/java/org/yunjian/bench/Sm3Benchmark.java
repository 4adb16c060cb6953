package org.yunjian.bench;

import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yunjian.crypto.FastSm3;

/** One core, 1 MiB buffers: BouncyCastle SM3Digest vs FastSm3, and the JDK's SHA-256 for scale. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class Sm3Benchmark {

    private final byte[] data = new byte[1 << 20];
    private final byte[] out = new byte[32];
    private final FastSm3 fast = new FastSm3();
    private MessageDigest sha256;

    @Setup
    public void setUp() throws Exception {
        new SplittableRandom(1).nextBytes(data);
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public byte[] bouncyCastleSm3() {
        SM3Digest d = new SM3Digest();
        d.update(data, 0, data.length);
        d.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] fastSm3() {
        fast.update(data, 0, data.length);
        fast.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] jdkSha256() {
        return sha256.digest(data);
    }
}
