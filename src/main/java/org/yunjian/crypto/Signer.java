package org.yunjian.crypto;

import java.security.PrivateKey;

/**
 * Signs bytes. The algorithm comes from the key: an EC key on {@code sm2p256v1} gives SM2 with SM3
 * (GB/T 32918.2, signature DER-encoded as {@code SEQUENCE {r INTEGER, s INTEGER}} per GM/T 0009).
 * Implementations are thread-safe.
 */
public interface Signer {

    /** Algorithm name, e.g. {@code SM3withSM2}. */
    String algorithm();

    byte[] sign(byte[] data);

    /** A signer for {@code key} with the default SM2 user ID {@value Sm2#DEFAULT_USER_ID}. */
    static Signer of(PrivateKey key) {
        return Sm2.signer(key, Sm2.DEFAULT_USER_ID);
    }

    /** A signer for {@code key} with an explicit SM2 user ID (distinguishing identifier). */
    static Signer of(PrivateKey key, String userId) {
        return Sm2.signer(key, userId);
    }
}
