package org.yunjian.shared.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A network written as {@code address/prefix} ({@code 10.0.0.0/8}, {@code fc00::/7}) or one address: an entry of the
 * special-purpose registries or of a range an administrator allows. Only literals are read, never a name; host bits
 * beyond the prefix are cleared.
 */
public final class AddressRange {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming it for anything but a literal and prefix. */
    public static AddressRange of(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        String literal = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes;
        if (IPV4.matcher(literal).matches()) {
            bytes = ipv4(literal, text);
        } else if (IPV6.matcher(literal).matches()) {
            bytes = ipv6(literal, text);
        } else {
            throw new IllegalArgumentException("not an address range: " + text);
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an address range: " + text, e);
            }
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("not an address range: " + text);
        }
        return new AddressRange(mask(bytes, prefix), prefix);
    }

    private static byte[] ipv4(String literal, String text) {
        String[] parts = literal.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255 || (parts[i].length() > 1 && parts[i].startsWith("0"))) {
                throw new IllegalArgumentException("not an address range: " + text);
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    private static byte[] ipv6(String literal, String text) {
        try {
            byte[] b = InetAddress.getByName(literal).getAddress(); // holds a colon: read as a literal, never looked up
            return b.length == 16 ? b : EmbeddedIpv4.mapped(b); // ::ffff:a.b.c.d comes back as IPv4: keep it IPv6
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address range: " + text, e);
        }
    }

    /** Whether {@code address} (of the same family) lies in this range. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] bytes) {
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    /** The first address of the range. */
    byte[] first() {
        return network.clone();
    }

    /** The last address of the range. */
    byte[] last() {
        byte[] out = network.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            out[i] = (byte) (out[i] | (0xff >>> keep));
        }
        return out;
    }

    boolean isIpv4() {
        return network.length == 4;
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
        return o instanceof AddressRange r && prefixLength == r.prefixLength && Arrays.equals(network, r.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return Addresses.text(network).toLowerCase(Locale.ROOT) + "/" + prefixLength;
    }
}
