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

    /**
     * An SM3 as a person pastes it: 64 hexadecimal digits, either case, spaces around; empty for anything else. The
     * one rule the public record checks take it by.
     */
    public static java.util.Optional<Sm3Digest> parse(String typed) {
        String s = typed == null ? "" : typed.strip();
        return s.matches("[0-9a-fA-F]{64}")
                ? java.util.Optional.of(of(s.toLowerCase(java.util.Locale.ROOT)))
                : java.util.Optional.empty();
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
