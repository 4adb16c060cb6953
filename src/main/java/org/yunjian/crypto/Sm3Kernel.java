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

    /** A vector kernel, or null when the Vector API module is absent or disabled ({@code -Dyunjian.sm3.lanes=false}). */
    static Sm3Kernel vector() {
        if ("false".equals(System.getProperty("yunjian.sm3.lanes"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
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

    /** Lazily computed availability. */
    final class Holder {
        static final boolean AVAILABLE = vector() != null;

        private Holder() {
        }
    }
}
