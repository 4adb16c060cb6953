package org.yunjian.crypto;

import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle JCA provider instance of the process (creating one costs milliseconds, so it is
 * never created per call) and the shared {@link SecureRandom}. The provider is not installed globally.
 */
public final class SharedProvider {

    private static final Provider PROVIDER = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SharedProvider() {}

    public static Provider provider() {
        return PROVIDER;
    }

    public static SecureRandom random() {
        return RANDOM;
    }

    /** {@code n} bytes from the shared {@link SecureRandom}. */
    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
