package org.yunjian.crypto;

import java.util.HexFormat;

/** Lower-case hexadecimal encoding, strict on decoding (even length, hex digits only; whitespace is ignored). */
public final class Hex {

    private static final HexFormat HEX = HexFormat.of();

    private Hex() {}

    public static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Decodes hex, upper or lower case; spaces and line breaks (as in printed standards) are skipped. */
    public static byte[] decode(String hex) {
        String compact = hex.replaceAll("\\s+", "");
        if (compact.length() % 2 != 0) {
            throw new IllegalArgumentException("hex string has odd length");
        }
        return HEX.parseHex(compact);
    }
}
