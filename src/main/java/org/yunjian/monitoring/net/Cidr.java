package org.yunjian.monitoring.net;

import java.net.InetAddress;
import org.yunjian.shared.outbound.AddressRange;

/**
 * A network written as {@code address/prefix} ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or a single address
 * (a /32 or /128): an entry of the approved IP list or of the region table. Read as the outbound address policy reads
 * its ranges ({@link AddressRange}): only literals, never a name (no lookup hides in a configuration value); host bits
 * beyond the prefix are cleared.
 */
public final class Cidr {

    private final AddressRange range;

    private Cidr(AddressRange range) {
        this.range = range;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} for anything but an address literal and prefix. */
    public static Cidr of(String text) {
        return new Cidr(AddressRange.of(text));
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

    public boolean contains(InetAddress address) {
        return range.contains(address);
    }

    public int prefixLength() {
        return range.prefixLength();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && range.equals(c.range);
    }

    @Override
    public int hashCode() {
        return range.hashCode();
    }

    @Override
    public String toString() {
        return range.toString();
    }
}
