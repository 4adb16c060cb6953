package org.yunjian.crypto;

/**
 * The SM3 compression function applied to {@link #LANES} independent messages at once (one block of each),
 * implemented with the JDK's Vector API in {@code Sm3Lanes} — compiled apart from the rest (javac
 * {@code --release 17} cannot see incubator modules) and usable only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}. {@link #available()} says whether it can be used;
 * {@link Sm3Batch} drives it. Instances are not thread-safe.
 */
public interface Sm3Kernel {

    /** Messages processed at once. */
    int LANES = 8;

    /**
     * Compresses one block per lane. Word {@code i} of lane {@code l} is at index {@code i * LANES + l}:
     * {@code state} holds 8 words per lane (updated in place), {@code block} 16 big-endian message words.
     */
    void compress(int[] state, int[] block);

    /** A vector kernel, or null when the Vector API module is absent. */
    static Sm3Kernel vector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return (Sm3Kernel) Class.forName("org.yunjian.crypto.Sm3Lanes").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Whether {@link #vector()} yields a kernel in this JVM. */
    static boolean available() {
        return Holder.AVAILABLE;
    }

    /**
     * Whether callers should use the kernel: only when asked for with {@code -Dyunjian.sm3.lanes=true} and
     * available. Off by default: on JDK 17 the kernel is 1.5x the scalar code per CPU second once compiled,
     * but C2 still boxes some vectors (about 18 KB allocated per eight blocks) and its many methods take
     * long to warm up, so a whole {@code exit verify} run used more CPU with it (docs/performance.md).
     */
    static boolean enabled() {
        return "true".equals(System.getProperty("yunjian.sm3.lanes")) && available();
    }

    /** Lazily computed availability. */
    final class Holder {
        static final boolean AVAILABLE = vector() != null;

        private Holder() {
        }
    }
}
