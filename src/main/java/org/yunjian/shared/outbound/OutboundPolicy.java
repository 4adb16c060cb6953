package org.yunjian.shared.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the platform may connect for one purpose (monitoring, webhooks): the one decision every outbound connection
 * it makes on a user's behalf obeys, taken on the address a socket is about to connect to ({@link #socket()}), after
 * resolution, never on the text of a URL.
 *
 * <p>An IPv6 address that embeds IPv4 addresses ({@link EmbeddedIpv4}: mapped, compatible, NAT64, 6to4, Teredo) is
 * judged by those. An address is refused when the IANA special-purpose registries do not call it globally reachable
 * ({@link SpecialAddresses}) — loopback, private use, link local, carrier-grade NAT (which holds Alibaba Cloud's
 * metadata service), benchmarking, documentation, unique local, IPv6 outside global unicast — unless it lies in a
 * range an administrator allows for the purpose by name; the unspecified addresses, multicast, broadcast and the cloud
 * metadata services are refused whatever is allowed. Immutable and thread-safe.
 */
public final class OutboundPolicy {

    /** What was decided about one address, and why. */
    public record Decision(InetAddress address, boolean allowed, String reason) {

        /** The address as text (an IPv4-mapped IPv6 address written as IPv6, as it was met). */
        public String addressText() {
            return Addresses.text(address.getAddress());
        }
    }

    private final String purpose;
    private final Map<String, List<AddressRange>> allowed;
    private final Consumer<Decision> observer;
    private final boolean dryRun;

    private OutboundPolicy(
            String purpose, Map<String, List<AddressRange>> allowed, Consumer<Decision> observer, boolean dryRun) {
        this.purpose = purpose;
        this.allowed = Map.copyOf(allowed);
        this.observer = observer;
        this.dryRun = dryRun;
    }

    /** Only globally reachable addresses, for {@code purpose} (named in refusals and logs). */
    public static OutboundPolicy publicOnly(String purpose) {
        return new OutboundPolicy(purpose, Map.of(), d -> {}, false);
    }

    /**
     * This policy, and also the addresses of {@code ranges} (each {@code address/prefix} or one address), allowed
     * under {@code name}; throws {@link IllegalArgumentException} naming an entry that is not a range.
     */
    public OutboundPolicy allowing(String name, List<String> ranges) {
        Map<String, List<AddressRange>> more = new LinkedHashMap<>(allowed);
        List<AddressRange> parsed = new ArrayList<>(more.getOrDefault(name, List.of()));
        for (String r : ranges) {
            parsed.add(AddressRange.of(r));
        }
        more.put(name, List.copyOf(parsed));
        return new OutboundPolicy(purpose, more, observer, dryRun);
    }

    /**
     * This policy, telling {@code observer} every decision a socket takes; with {@code dryRun} no socket connects at
     * all, even to an allowed address (a test walks every address without reaching one).
     */
    public OutboundPolicy observed(Consumer<Decision> observer, boolean dryRun) {
        return new OutboundPolicy(purpose, allowed, observer, dryRun);
    }

    public String purpose() {
        return purpose;
    }

    /** The ranges an administrator allows for this purpose, by name. */
    public Map<String, List<String>> allowedRanges() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        allowed.forEach(
                (k, v) -> out.put(k, v.stream().map(AddressRange::toString).toList()));
        return out;
    }

    /** Whether the platform may connect to {@code address} for this purpose, and why. */
    public Decision judge(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<EmbeddedIpv4.Embedded> embedded = EmbeddedIpv4.of(bytes);
        if (embedded.isPresent()) {
            for (byte[] v4 : embedded.get().ipv4()) {
                Decision inner = judgePlain(v4, address);
                if (!inner.allowed()) {
                    return new Decision(
                            address,
                            false,
                            embedded.get().form().label + " of " + Addresses.text(v4) + ": " + inner.reason());
                }
            }
            return new Decision(address, true, embedded.get().form().label + " of a globally reachable address");
        }
        return judgePlain(bytes, address);
    }

    private Decision judgePlain(byte[] bytes, InetAddress original) {
        Optional<String> never = SpecialAddresses.never(bytes);
        if (never.isPresent()) {
            return new Decision(original, false, never.get());
        }
        Optional<String> unreachable = SpecialAddresses.unreachable(bytes);
        if (unreachable.isEmpty()) {
            return new Decision(original, true, "globally reachable");
        }
        for (Map.Entry<String, List<AddressRange>> e : allowed.entrySet()) {
            for (AddressRange r : e.getValue()) {
                if (r.contains(bytes)) {
                    return new Decision(original, true, "allowed range " + e.getKey() + " (" + r + ")");
                }
            }
        }
        return new Decision(original, false, unreachable.get());
    }

    /** Whether every one of {@code addresses} may be connected to (and there is at least one). */
    public boolean allowsAll(InetAddress... addresses) {
        if (addresses.length == 0) {
            return false;
        }
        for (InetAddress a : addresses) {
            if (!judge(a).allowed()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Throws {@link RefusedAddressException} unless the platform may connect to {@code target}; an unresolved target
     * is refused (only an address can be judged). Tells the observer; in a dry run refuses every address.
     */
    public void check(SocketAddress target) throws RefusedAddressException {
        if (!(target instanceof InetSocketAddress inet) || inet.isUnresolved() || inet.getAddress() == null) {
            throw new RefusedAddressException(purpose, String.valueOf(target), "not a resolved address");
        }
        Decision d = judge(inet.getAddress());
        observer.accept(d);
        if (!d.allowed()) {
            throw new RefusedAddressException(purpose, d.addressText(), d.reason());
        }
        if (dryRun) {
            throw new RefusedAddressException(purpose, d.addressText(), "dry run: " + d.reason());
        }
    }

    /** An unconnected socket that connects only where this policy allows (checked on the address it connects to). */
    public Socket socket() {
        return new GuardedSocket(this);
    }

    @Override
    public String toString() {
        return "OutboundPolicy[" + purpose + ", allowed " + allowedRanges() + "]";
    }
}
