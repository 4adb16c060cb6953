package org.yunjian.monitoring.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yunjian.shared.Msg;

/**
 * An approved region of a system's addresses (8.4.1.2 b, 域名及IP合规性): a name such as {@code 华北-北京} and the
 * address ranges its provider publishes for it. A region is a declared list of ranges, not a geolocation: no GeoIP
 * database is consulted, an address is "in" a region when one of the region's ranges holds it. Written one a line as
 * {@code 华北-北京: 203.0.113.0/24, 198.51.100.0/24}.
 */
public record Region(String name, List<Cidr> ranges) {

    public static final int NAME_MAX = 50;

    public Region {
        ranges = List.copyOf(ranges);
    }

    /** A line {@code name: range, range …} (ranges separated by commas or spaces), or why it is not one. */
    public static Parsed parse(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            colon = line.indexOf('：');
        }
        if (colon <= 0) {
            return Parsed.refused(Msg.of("monitoring.error.regionFormat"));
        }
        String name = line.substring(0, colon).strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            return Parsed.refused(Msg.of("monitoring.error.regionName", NAME_MAX));
        }
        List<Cidr> ranges = new ArrayList<>();
        for (String part : line.substring(colon + 1).split("[,\\uFF0C\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            if (!Cidr.isValid(part)) {
                return Parsed.refused(Msg.of("monitoring.error.regionRange", shown(part)));
            }
            ranges.add(Cidr.of(part));
        }
        if (ranges.isEmpty()) {
            return Parsed.refused(Msg.of("monitoring.error.regionFormat"));
        }
        return new Parsed(Optional.of(new Region(name, ranges)), null);
    }

    /** The line this region is written as. */
    public String line() {
        return name + ": "
                + String.join(", ", ranges.stream().map(Cidr::toString).toList());
    }

    /** The regions' ranges as a region table ({@link ApprovedAddresses#withRegions}). */
    public static Map<String, String> table(List<Region> regions) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        regions.forEach(r -> r.ranges().forEach(c -> out.putIfAbsent(c.toString(), r.name())));
        return out;
    }

    private static String shown(String value) {
        return value.length() > 100 ? value.substring(0, 100) : value;
    }

    /** A parsed line: the region, or why the line is refused. */
    public record Parsed(Optional<Region> region, Msg problem) {
        static Parsed refused(Msg why) {
            return new Parsed(Optional.empty(), why);
        }
    }
}
