package org.yunjian.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

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
import org.yunjian.crypto.Sm3Batch;
import org.yunjian.crypto.Sm3Kernel;

/**
 * One core, 1 MiB per operation as eight 128 KiB messages: the multi-lane SM3 (Vector API kernel through
 * {@link Sm3Batch}) against {@link FastSm3} hashing the same eight messages one after the other. Ops/s
 * are MiB/s. Needs the incubator module, which the forks get.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class Sm3LanesBenchmark {

    private final List<byte[]> messages = new ArrayList<>();
    private final FastSm3 fast = new FastSm3();
    private final byte[] out = new byte[32];
    private Sm3Kernel kernel;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < Sm3Kernel.LANES; i++) {
            byte[] m = new byte[128 * 1024];
            r.nextBytes(m);
            messages.add(m);
        }
        kernel = Sm3Kernel.vector();
        if (kernel == null) {
            throw new IllegalStateException("run with --add-modules jdk.incubator.vector");
        }
    }

    @Benchmark
    public byte[][] eightLanes() {
        return Sm3Batch.digestAll(kernel, messages);
    }

    @Benchmark
    public byte[] scalarOneAfterAnother() {
        for (byte[] m : messages) {
            fast.update(m, 0, m.length);
            fast.doFinal(out, 0);
        }
        return out;
    }
}
