package org.yunjian.crypto;

import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC (RFC 2104) over SM3, as specified in GM/T 0042-2015. An instance holds a copy of the key and is
 * thread-safe: each computation uses its own {@link HMac}.
 */
public final class HmacSm3 {

    /** MAC length in bytes. */
    public static final int LENGTH = 32;

    private final byte[] key;

    private HmacSm3(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("HMAC key must not be empty");
        }
        this.key = key.clone();
    }

    public static HmacSm3 withKey(byte[] key) {
        return new HmacSm3(key);
    }

    /** HMAC-SM3 of the concatenation of {@code parts}. */
    public byte[] mac(byte[]... parts) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            hmac.update(part, 0, part.length);
        }
        byte[] out = new byte[LENGTH];
        hmac.doFinal(out, 0);
        return out;
    }

    /** Constant-time check of {@code expected} against the MAC of {@code data}. */
    public boolean verify(byte[] data, byte[] expected) {
        return expected != null && MessageDigest.isEqual(mac(data), expected);
    }
}
