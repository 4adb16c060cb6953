package org.yunjian.monitoring.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses a customer approved for a system's name (8.4.1.2 b, 域名及IP合规性): its networks, and optionally
 * the regions its addresses must lie in. A region is whatever the configured table calls it ({@code CN-BJ},
 * {@code 华北2}): the table maps networks to regions (the most specific network that holds an address decides); no
 * GeoIP database is consulted. With no allowed regions, regions are not checked.
 */
public record ApprovedAddresses(List<Cidr> networks, Map<Cidr, String> regionTable, Set<String> allowedRegions) {

    public ApprovedAddresses {
        networks = List.copyOf(networks);
        regionTable = Map.copyOf(regionTable);
        allowedRegions = Set.copyOf(allowedRegions);
    }

    /** Approved networks only, no region rule: {@code of("203.0.113.10", "198.51.100.0/24")}. */
    public static ApprovedAddresses of(String... networks) {
        return new ApprovedAddresses(Arrays.stream(networks).map(Cidr::of).toList(), Map.of(), Set.of());
    }

    /** These networks, with a region table ({@code "203.0.113.0/24" -> "CN-BJ"}) and the regions allowed. */
    public ApprovedAddresses withRegions(Map<String, String> table, Set<String> allowed) {
        Map<Cidr, String> parsed = new LinkedHashMap<>();
        table.forEach((cidr, region) -> parsed.put(Cidr.of(cidr), region));
        return new ApprovedAddresses(networks, parsed, allowed);
    }

    public boolean approves(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    /** The region of the most specific network of the table holding {@code address}. */
    public Optional<String> region(InetAddress address) {
        return regionTable.entrySet().stream()
                .filter(e -> e.getKey().contains(address))
                .max((a, b) ->
                        Integer.compare(a.getKey().prefixLength(), b.getKey().prefixLength()))
                .map(Map.Entry::getValue);
    }

    public boolean checksRegions() {
        return !allowedRegions.isEmpty();
    }
}
