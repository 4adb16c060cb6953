package org.yunjian.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Name-based UUIDs (RFC 9562 §5.5, version 5: SHA-1), for identifiers that must be the same on every export. */
public final class Uuids {

    private Uuids() {}

    /** The version 5 UUID of {@code name} (UTF-8) in {@code namespace}. */
    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha1.update(bytes(namespace));
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // variant 10 (RFC 9562)
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (h[i] & 0xff);
            lsb = (lsb << 8) | (h[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] bytes(UUID u) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
            b[i + 8] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return b;
    }
}
