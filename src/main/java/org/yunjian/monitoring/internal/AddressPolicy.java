package org.yunjian.monitoring.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.yunjian.shared.Msg;
import org.yunjian.shared.outbound.OutboundHttp;
import org.yunjian.shared.outbound.OutboundPolicies;
import org.yunjian.shared.outbound.OutboundPolicy;

/**
 * Where the platform sends its probes: the monitoring purpose of the one outbound address policy ({@link
 * OutboundPolicies#monitoring()}). The policy itself is enforced by every socket the probes open, on the address it
 * connects to; this class answers earlier, for the person setting a monitor up and for the probe's recorded outcome: a
 * URL whose host is a refused address literal, or a numeric host written in a form other than a dotted quad ({@code
 * 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, which programs read differently), is refused when the monitor is
 * set; before every probe the host is resolved and a name with any refused address is {@linkplain
 * Resolution#blocked() blocked}.
 */
@Component
class AddressPolicy {

    /** What inet_aton reads as an address: one to four parts, each decimal, octal (leading 0) or hex (0x). */
    private static final Pattern NUMERIC_HOST =
            Pattern.compile("(?i)(?:0x[0-9a-f]*|\\d+)(?:\\.(?:0x[0-9a-f]*|\\d+)){0,3}\\.?");

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final OutboundPolicy policy;
    private final OutboundHttp.Resolver resolver;

    @org.springframework.beans.factory.annotation.Autowired
    AddressPolicy(OutboundPolicies policies) {
        this(policies.monitoring(), OutboundHttp.Resolver.SYSTEM);
    }

    AddressPolicy(OutboundPolicy policy, OutboundHttp.Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    OutboundPolicy policy() {
        return policy;
    }

    OutboundHttp.Resolver resolver() {
        return resolver;
    }

    /** Why the URL may not be probed, when its host is an address literal that is refused; empty otherwise. */
    Optional<Msg> problem(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.empty();
        }
        boolean bracketed = host.startsWith("[");
        if (!bracketed && !NUMERIC_HOST.matcher(host).matches()) {
            return Optional.empty(); // a name: looked up before every probe
        }
        if (!bracketed && !DOTTED_QUAD.matcher(host).matches()) {
            return Optional.of(Msg.of("monitoring.error.address", host)); // read differently by different programs
        }
        try {
            InetAddress a = InetAddress.getByName(stripBrackets(host)); // a literal: never asked of DNS
            return policy.judge(a).allowed() ? Optional.empty() : Optional.of(Msg.of("monitoring.error.address", host));
        } catch (UnknownHostException e) {
            return Optional.of(Msg.of("monitoring.error.url"));
        }
    }

    /**
     * What resolving a host found, the one way every fetch and handshake of the monitors decides what to report: its
     * addresses when every one may be probed ({@link #allowed()}), {@link #blocked()} when one is refused, neither
     * when the name does not resolve. The sockets judge the addresses again as they connect.
     */
    record Resolution(InetAddress[] addresses, boolean blocked) {

        Resolution {
            addresses = addresses.clone();
        }

        /** Every address may be probed (and there is at least one). */
        boolean allowed() {
            return !blocked && addresses.length > 0;
        }

        boolean unresolved() {
            return !blocked && addresses.length == 0;
        }

        /** The address to connect to; only when {@link #allowed()}. */
        InetAddress first() {
            return addresses[0];
        }
    }

    /** Resolves {@code host} and checks every address it resolves to (a name that later points inside is refused). */
    Resolution resolve(String host) {
        if (host == null) {
            return new Resolution(new InetAddress[0], false);
        }
        try {
            InetAddress[] all = resolver.resolve(stripBrackets(host));
            return new Resolution(all, all.length > 0 && !policy.allowsAll(all));
        } catch (UnknownHostException e) {
            return new Resolution(new InetAddress[0], false);
        }
    }

    boolean refused(InetAddress a) {
        return !policy.judge(a).allowed();
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
