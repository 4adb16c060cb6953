package org.yunjian.shared.outbound;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (iana-ipv4-special-registry,
 * iana-ipv6-special-registry, as of 2025), each entry with its "Globally Reachable" column, and the addresses the
 * platform never connects to whatever an administrator allows: the unspecified addresses, multicast, the limited
 * broadcast address and the cloud metadata services (169.254.169.254 of AWS, Azure, Google and Tencent Cloud,
 * 100.100.100.200 of Alibaba Cloud, fd00:ec2::254 of AWS over IPv6), which hand out the instance's credentials.
 *
 * <p>An address is judged by the most specific entry holding it (192.0.0.9/32 is reachable inside the unreachable
 * 192.0.0.0/24). Entries whose reachability is "N/A" in the registry (6to4, Teredo) are the forms that embed IPv4
 * addresses, judged by those ({@link EmbeddedIpv4}). IPv6 outside global unicast ({@code 2000::/3}) is not allocated
 * and refused; so is IPv4 multicast and the reserved {@code 240.0.0.0/4}.
 */
final class SpecialAddresses {

    /** One registry entry: the range, its name in the registry, whether it is globally reachable. */
    record Entry(AddressRange range, String name, boolean globallyReachable) {
        Entry(String range, String name, boolean globallyReachable) {
            this(AddressRange.of(range), name, globallyReachable);
        }
    }

    static final List<Entry> IPV4 = List.of(
            new Entry("0.0.0.0/8", "\"This network\"", false),
            new Entry("0.0.0.0/32", "\"This host on this network\"", false),
            new Entry("10.0.0.0/8", "Private-Use", false),
            new Entry("100.64.0.0/10", "Shared Address Space (carrier-grade NAT)", false),
            new Entry("127.0.0.0/8", "Loopback", false),
            new Entry("169.254.0.0/16", "Link Local", false),
            new Entry("172.16.0.0/12", "Private-Use", false),
            new Entry("192.0.0.0/24", "IETF Protocol Assignments", false),
            new Entry("192.0.0.0/29", "IPv4 Service Continuity Prefix", false),
            new Entry("192.0.0.8/32", "IPv4 dummy address", false),
            new Entry("192.0.0.9/32", "Port Control Protocol Anycast", true),
            new Entry("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", true),
            new Entry("192.0.0.170/32", "NAT64/DNS64 Discovery", false),
            new Entry("192.0.0.171/32", "NAT64/DNS64 Discovery", false),
            new Entry("192.0.2.0/24", "Documentation (TEST-NET-1)", false),
            new Entry("192.31.196.0/24", "AS112-v4", true),
            new Entry("192.52.193.0/24", "AMT", true),
            new Entry("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", false),
            new Entry("192.168.0.0/16", "Private-Use", false),
            new Entry("192.175.48.0/24", "Direct Delegation AS112 Service", true),
            new Entry("198.18.0.0/15", "Benchmarking", false),
            new Entry("198.51.100.0/24", "Documentation (TEST-NET-2)", false),
            new Entry("203.0.113.0/24", "Documentation (TEST-NET-3)", false),
            new Entry("240.0.0.0/4", "Reserved", false),
            new Entry("255.255.255.255/32", "Limited Broadcast", false));

    static final List<Entry> IPV6 = List.of(
            new Entry("::1/128", "Loopback Address", false),
            new Entry("::/128", "Unspecified Address", false),
            new Entry("::ffff:0:0/96", "IPv4-mapped Address", false),
            new Entry("64:ff9b::/96", "IPv4-IPv6 Translat.", true),
            new Entry("64:ff9b:1::/48", "IPv4-IPv6 Translat. (local-use)", false),
            new Entry("100::/64", "Discard-Only Address Block", false),
            new Entry("100:0:0:1::/64", "Dummy IPv6 Prefix", false),
            new Entry("2001::/23", "IETF Protocol Assignments", false),
            new Entry("2001::/32", "TEREDO", false),
            new Entry("2001:1::1/128", "Port Control Protocol Anycast", true),
            new Entry("2001:1::2/128", "Traversal Using Relays around NAT Anycast", true),
            new Entry("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast", true),
            new Entry("2001:2::/48", "Benchmarking", false),
            new Entry("2001:3::/32", "AMT", true),
            new Entry("2001:4:112::/48", "AS112-v6", true),
            new Entry("2001:10::/28", "Deprecated (previously ORCHID)", false),
            new Entry("2001:20::/28", "ORCHIDv2", true),
            new Entry("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", true),
            new Entry("2001:db8::/32", "Documentation", false),
            new Entry("2002::/16", "6to4", false),
            new Entry("2620:4f:8000::/48", "Direct Delegation AS112 Service", true),
            new Entry("3fff::/20", "Documentation", false),
            new Entry("5f00::/16", "Segment Routing (SRv6) SIDs", false),
            new Entry("fc00::/7", "Unique-Local", false),
            new Entry("fe80::/10", "Link-Local Unicast", false));

    /** Never connected to, whatever range an administrator allows. */
    static final List<Entry> NEVER = List.of(
            new Entry("0.0.0.0/8", "unspecified (\"this network\")", false),
            new Entry("169.254.169.254/32", "cloud metadata service", false),
            new Entry("169.254.170.2/32", "cloud metadata service (containers)", false),
            new Entry("100.100.100.200/32", "cloud metadata service (Alibaba Cloud)", false),
            new Entry("224.0.0.0/4", "Multicast", false),
            new Entry("255.255.255.255/32", "Limited Broadcast", false),
            new Entry("::/128", "Unspecified Address", false),
            new Entry("fd00:ec2::254/128", "cloud metadata service", false),
            new Entry("ff00::/8", "Multicast", false));

    private static final AddressRange GLOBAL_UNICAST_V6 = AddressRange.of("2000::/3");

    private SpecialAddresses() {}

    /** Why a plain (not embedding) address is not globally reachable; empty when it is. */
    static Optional<String> unreachable(byte[] address) {
        Optional<Entry> never = mostSpecific(NEVER, address);
        if (never.isPresent()) {
            return never.map(Entry::name);
        }
        Optional<Entry> entry = mostSpecific(address.length == 4 ? IPV4 : IPV6, address);
        if (entry.isPresent()) {
            return entry.get().globallyReachable() ? Optional.empty() : entry.map(Entry::name);
        }
        if (address.length == 16 && !GLOBAL_UNICAST_V6.contains(address)) {
            return Optional.of("outside IPv6 global unicast (2000::/3)");
        }
        return Optional.empty();
    }

    /** Why the address may never be connected to, allowed range or not; empty for every other address. */
    static Optional<String> never(byte[] address) {
        return mostSpecific(NEVER, address).map(Entry::name);
    }

    private static Optional<Entry> mostSpecific(List<Entry> entries, byte[] address) {
        return entries.stream().filter(e -> e.range().contains(address)).max(Comparator.comparingInt(e -> e.range()
                .prefixLength()));
    }
}
