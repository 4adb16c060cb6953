package org.yunjian.monitoring.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A network written as {@code address/prefix} ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or a single address
 * (a /32 or /128): an entry of the approved IP list or of the region table. Only literals are read, never a name (no
 * lookup hides in a configuration value); host bits beyond the prefix are cleared.
 */
public final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} for anything but an address literal and prefix. */
    public static Cidr of(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        String literal = slash < 0 ? s : s.substring(0, slash);
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            throw new IllegalArgumentException("Cidr: " + text);
        }
        byte[] bytes = IPV4.matcher(literal).matches() ? ipv4(literal, text) : ipv6(literal, text);
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Cidr: " + text, e);
            }
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("Cidr: " + text);
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /** Whether {@link #of} reads {@code text}. */
    public static boolean isValid(String text) {
        try {
            of(text);
            return true;
        } catch (IllegalArgumentException notANetwork) {
            return false;
        }
    }

    private static byte[] ipv4(String literal, String text) {
        String[] parts = literal.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                throw new IllegalArgumentException("Cidr: " + text);
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    private static byte[] ipv6(String literal, String text) {
        try {
            return InetAddress.getByName(literal).getAddress(); // holds a colon: read as a literal, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Cidr: " + text, e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    public int prefixLength() {
        return prefixLength;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && prefixLength == c.prefixLength && Arrays.equals(network, c.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // a 4- or 16-byte array, as parsed
        }
    }
}
