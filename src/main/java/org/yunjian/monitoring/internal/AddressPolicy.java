package org.yunjian.monitoring.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yunjian.shared.Msg;

/**
 * Where the platform sends its probes: never to link-local addresses (the cloud's metadata service at 169.254.169.254
 * hands out credentials), the unspecified address or multicast; to loopback and private networks only when
 * {@code yunjian.monitoring.allow-private-addresses} is set (an intranet website, the demo's own sample site, the
 * tests' loopback servers). A monitor's address is checked when it is set and again before every probe, on every
 * address its host resolves to, so a name that later points inside is refused too.
 */
@Component
class AddressPolicy {

    private final boolean allowPrivate;

    AddressPolicy(@Value("${yunjian.monitoring.allow-private-addresses:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not be probed, when its host is an address literal that is refused; empty otherwise. */
    Optional<Msg> problem(URI url) {
        String host = url.getHost();
        if (host == null || !literal(host)) {
            return Optional.empty();
        }
        try {
            return refused(InetAddress.getByName(stripBrackets(host)))
                    ? Optional.of(Msg.of("monitoring.error.address", host))
                    : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(Msg.of("monitoring.error.url"));
        }
    }

    /**
     * What resolving a host found, the one way every fetch and handshake of the monitors decides where it may go:
     * its addresses when every one may be probed ({@link #allowed()}), {@link #blocked()} when one is refused, neither
     * when the name does not resolve.
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
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return new Resolution(all, !allowed(all));
        } catch (UnknownHostException e) {
            return new Resolution(new InetAddress[0], false);
        }
    }

    /** Whether every address the host resolves to may be probed; false when one is refused. */
    private boolean allowed(InetAddress[] resolved) {
        for (InetAddress a : resolved) {
            if (refused(a)) {
                return false;
            }
        }
        return true;
    }

    boolean refused(InetAddress a) {
        if (a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        return !allowPrivate && (a.isLoopbackAddress() || a.isSiteLocalAddress() || uniqueLocal(a));
    }

    /** IPv6 unique local addresses (fc00::/7), which {@link InetAddress#isSiteLocalAddress()} does not cover. */
    private static boolean uniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static boolean literal(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
