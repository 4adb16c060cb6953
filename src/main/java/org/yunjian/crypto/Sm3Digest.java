package org.yunjian.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/** A 32-byte SM3 digest value. Equality is constant-time. */
public final class Sm3Digest {

    private final byte[] bytes;

    private Sm3Digest(byte[] bytes) {
        if (bytes.length != Sm3.LENGTH) {
            throw new IllegalArgumentException("an SM3 digest has 32 bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static Sm3Digest of(byte[] bytes) {
        return new Sm3Digest(bytes);
    }

    /** Parses 64 hex digits. */
    public static Sm3Digest of(String hex) {
        return new Sm3Digest(Hex.decode(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sm3Digest other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "sm3:" + hex();
    }
}
