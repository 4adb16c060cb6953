package org.yunjian.shared.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The addresses a server-side request forgery walk sends: the first and the last address of every entry of the IANA
 * IPv4 and IPv6 special-purpose registries (and of the never-allowed list) that is not globally reachable, read from
 * the policy's own tables, so a registry entry added there is walked too.
 */
public final class SpecialPurposeWalk {

    private SpecialPurposeWalk() {}

    /** IPv4 addresses first, then IPv6, each once. */
    public static List<InetAddress> notGloballyReachable() {
        Set<String> seen = new LinkedHashSet<>();
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        Stream.of(SpecialAddresses.IPV4, SpecialAddresses.NEVER, SpecialAddresses.IPV6)
                .flatMap(List::stream)
                .filter(e -> !e.globallyReachable())
                .forEach(e -> {
                    for (byte[] b : List.of(e.range().first(), e.range().last())) {
                        InetAddress a = Addresses.of(b);
                        if (seen.add(a.getHostAddress())) {
                            (b.length == 4 ? v4 : v6).add(a);
                        }
                    }
                });
        List<InetAddress> all = new ArrayList<>(v4);
        all.addAll(v6);
        return all;
    }
}
