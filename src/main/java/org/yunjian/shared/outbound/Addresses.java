package org.yunjian.shared.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address bytes as text and back, keeping the family: an IPv4-mapped IPv6 address stays IPv6 here. */
final class Addresses {

    private Addresses() {}

    static String text(byte[] bytes) {
        return of(bytes).getHostAddress();
    }

    /** The address of these 4 or 16 bytes, of that family (Java would turn {@code ::ffff:a.b.c.d} into IPv4). */
    static InetAddress of(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + bytes.length + " bytes", e);
        }
    }
}
