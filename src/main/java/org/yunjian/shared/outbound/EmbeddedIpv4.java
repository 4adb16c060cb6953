package org.yunjian.shared.outbound;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 addresses an IPv6 address carries, when it is one of the forms that reach an IPv4 host: IPv4-mapped
 * ({@code ::ffff:0:0/96}), IPv4-compatible ({@code ::/96}, deprecated), the NAT64 well-known prefix
 * ({@code 64:ff9b::/96}, RFC 6052), 6to4 ({@code 2002::/16}, RFC 3056: bits 16–47) and Teredo ({@code 2001::/32},
 * RFC 4380: the server in bits 32–63, the client's address inverted in the last 32 bits). The NAT64 local-use prefix
 * ({@code 64:ff9b:1::/48}, RFC 8215) may hold the IPv4 address at any RFC 6052 position and is refused outright by the
 * registry instead.
 */
final class EmbeddedIpv4 {

    /** Which form an address is, for the reason given when it is refused. */
    enum Form {
        MAPPED("IPv4-mapped"),
        COMPATIBLE("IPv4-compatible"),
        NAT64("NAT64 64:ff9b::/96"),
        SIX_TO_FOUR("6to4"),
        TEREDO("Teredo");

        final String label;

        Form(String label) {
            this.label = label;
        }
    }

    /** The form and the IPv4 addresses (4 bytes each) it reaches. */
    record Embedded(Form form, List<byte[]> ipv4) {}

    private static final AddressRange MAPPED = AddressRange.of("::ffff:0:0/96");
    private static final AddressRange COMPATIBLE = AddressRange.of("::/96");
    private static final AddressRange NAT64 = AddressRange.of("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.of("2002::/16");
    private static final AddressRange TEREDO = AddressRange.of("2001::/32");

    private EmbeddedIpv4() {}

    static Optional<Embedded> of(byte[] ipv6) {
        if (ipv6.length != 16) {
            return Optional.empty();
        }
        if (MAPPED.contains(ipv6)) {
            return Optional.of(new Embedded(Form.MAPPED, List.of(Arrays.copyOfRange(ipv6, 12, 16))));
        }
        if (COMPATIBLE.contains(ipv6)) {
            return Optional.of(new Embedded(Form.COMPATIBLE, List.of(Arrays.copyOfRange(ipv6, 12, 16))));
        }
        if (NAT64.contains(ipv6)) {
            return Optional.of(new Embedded(Form.NAT64, List.of(Arrays.copyOfRange(ipv6, 12, 16))));
        }
        if (SIX_TO_FOUR.contains(ipv6)) {
            return Optional.of(new Embedded(Form.SIX_TO_FOUR, List.of(Arrays.copyOfRange(ipv6, 2, 6))));
        }
        if (TEREDO.contains(ipv6)) {
            byte[] client = Arrays.copyOfRange(ipv6, 12, 16);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return Optional.of(new Embedded(Form.TEREDO, List.of(Arrays.copyOfRange(ipv6, 4, 8), client)));
        }
        return Optional.empty();
    }

    /** {@code ::ffff:a.b.c.d} for the four bytes of {@code a.b.c.d}. */
    static byte[] mapped(byte[] ipv4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, out, 12, 4);
        return out;
    }
}
