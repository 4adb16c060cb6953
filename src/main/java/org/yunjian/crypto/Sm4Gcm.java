package org.yunjian.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907) in GCM mode (RFC 8998 profile): 128-bit key, random 12-byte nonce per message,
 * 128-bit tag. Sealed format: {@code nonce (12) || ciphertext || tag (16)}. Never reuse a key for more
 * than 2^32 messages (random-nonce bound).
 */
public final class Sm4Gcm {

    public static final int KEY_LENGTH = 16;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private Sm4Gcm() {}

    public static byte[] generateKey() {
        return SharedProvider.randomBytes(KEY_LENGTH);
    }

    public static byte[] encrypt(byte[] key, byte[] plaintext) {
        return encrypt(key, plaintext, new byte[0]);
    }

    /** Encrypts and authenticates {@code plaintext}, also authenticating {@code aad} (not included in the output). */
    public static byte[] encrypt(byte[] key, byte[] plaintext, byte[] aad) {
        byte[] nonce = SharedProvider.randomBytes(NONCE_LENGTH);
        GCMModeCipher c = cipher(true, key, nonce, aad);
        byte[] out = new byte[NONCE_LENGTH + c.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        int n = c.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        try {
            c.doFinal(out, NONCE_LENGTH + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static byte[] decrypt(byte[] key, byte[] sealed) {
        return decrypt(key, sealed, new byte[0]);
    }

    /** Decrypts {@code sealed}; throws {@link DecryptionFailedException} if anything was altered. */
    public static byte[] decrypt(byte[] key, byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new DecryptionFailedException("sealed data too short", null);
        }
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_LENGTH);
        GCMModeCipher c = cipher(false, key, nonce, aad);
        int inLen = sealed.length - NONCE_LENGTH;
        byte[] out = new byte[c.getOutputSize(inLen)];
        int n = c.processBytes(sealed, NONCE_LENGTH, inLen, out, 0);
        try {
            n += c.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new DecryptionFailedException("SM4-GCM authentication failed", e);
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        if (key.length != KEY_LENGTH) {
            throw new UnsupportedKeyException("SM4 key must have 16 bytes, not " + key.length);
        }
        GCMModeCipher c = GCMBlockCipher.newInstance(new SM4Engine());
        c.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
        return c;
    }
}
