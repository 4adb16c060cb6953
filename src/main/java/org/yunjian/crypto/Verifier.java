package org.yunjian.crypto;

import java.security.PublicKey;

/**
 * Verifies signatures made by a {@link Signer}. The algorithm comes from the key. A malformed signature
 * verifies as {@code false}, it never throws. Implementations are thread-safe.
 */
public interface Verifier {

    String algorithm();

    boolean verify(byte[] data, byte[] signature);

    /** A verifier for {@code key} with the default SM2 user ID {@value Sm2#DEFAULT_USER_ID}. */
    static Verifier of(PublicKey key) {
        return of(key, Sm2.DEFAULT_USER_ID);
    }

    static Verifier of(PublicKey key, String userId) {
        if (key instanceof Sm2PublicKey light) {
            // verified without loading BouncyCastle (the offline commands' start-up time)
            return new Verifier() {
                @Override
                public String algorithm() {
                    return Sm2.ALGORITHM;
                }

                @Override
                public boolean verify(byte[] data, byte[] signature) {
                    return Sm2Verification.verify(light, userId, data, signature);
                }
            };
        }
        return Sm2.verifier(key, userId);
    }
}
