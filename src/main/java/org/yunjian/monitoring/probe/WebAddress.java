package org.yunjian.monitoring.probe;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Addresses as a page writes them and hosts as the probes compare them. Hosts are compared by name only, port left
 * out ({@code localhost:8080} and {@code localhost:8443} are one host, {@code localhost} and {@code 127.0.0.1} are
 * two): a site's pages and its redirects move between ports of one name (80 and 443), and a monitor names sites, not
 * sockets. Names are compared in lower case, without a trailing dot, internationalised names in their ASCII form
 * (RFC 3490).
 */
final class WebAddress {

    private WebAddress() {}

    /**
     * An absolute address as a browser would take it from an attribute: surrounding blanks dropped, characters a URI
     * may not hold (spaces, non-ASCII letters, {@code |}) percent-encoded as UTF-8; empty when it still does not parse
     * or is not absolute.
     */
    static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        for (String candidate : new String[] {trimmed, encodeIllegal(trimmed)}) {
            try {
                URI uri = new URI(candidate);
                if (uri.isAbsolute()) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // try the encoded form, then give up: an address no browser could follow either
            }
        }
        return Optional.empty();
    }

    /**
     * {@code reference} (a {@code Location} header, an attribute) resolved against {@code base} as RFC 3986 section 5
     * says, with the same leniency as {@link #parse}; empty when it cannot be read.
     */
    static Optional<URI> resolve(URI base, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String trimmed = reference.strip();
        URI root = canonical(base); // with an empty base path, URI.resolve("x") gives "http://hostx"
        for (String candidate : new String[] {trimmed, encodeIllegal(trimmed)}) {
            try {
                URI uri = root.resolve(new URI(candidate));
                if (uri.isAbsolute()) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // try the encoded form, then give up
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code uri} is {@code http} or {@code https} with a host and no port outside 1 to 65535 (which
     * {@link URI} accepts): the only addresses the probes fetch.
     */
    static boolean isWeb(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null
                && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && host(uri) != null
                && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65535));
    }

    /** The host's name as compared (see the class comment), or null for an address without one. */
    static String host(URI uri) {
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            // a name URI does not accept as a server-based authority (an underscore): take it from the authority
            String authority = uri.getRawAuthority();
            int at = authority.lastIndexOf('@');
            authority = authority.substring(at + 1);
            int colon = authority.lastIndexOf(':');
            host = colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
        }
        return host == null || host.isEmpty() ? null : normaliseHost(host);
    }

    /** A host name or domain as compared: lower case, no trailing dot, ASCII form; IPv6 literals keep their brackets. */
    static String normaliseHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[")) {
            return h;
        }
        try {
            return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAName) {
            return h;
        }
    }

    static Set<String> normaliseHosts(Collection<String> hosts) {
        return hosts.stream()
                .filter(h -> h != null && !h.isBlank())
                .map(WebAddress::normaliseHost)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether {@code host} is one of {@code domains} or a subdomain of one ({@code a.b.gov.cn} of {@code gov.cn}). */
    static boolean withinDomains(String host, Set<String> domains) {
        if (host == null) {
            return false;
        }
        String h = normaliseHost(host);
        for (String d : domains) {
            if (h.equals(d) || (h.endsWith("." + d) && !d.startsWith("["))) {
                return true;
            }
        }
        return false;
    }

    /** The address without its fragment: {@code /a#top} and {@code /a#end} are one page. */
    static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    /**
     * The address as the probes tell pages apart: no fragment, scheme and host in lower case, the scheme's default
     * port and an empty path written as {@code /}, dot segments resolved.
     */
    static URI canonical(URI uri) {
        URI u = withoutFragment(uri).normalize();
        if (!isWeb(u) || u.getHost() == null) {
            return u;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
        String userInfo = u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@";
        return URI.create(scheme + "://" + userInfo + u.getHost().toLowerCase(Locale.ROOT)
                + (port < 0 ? "" : ":" + port) + path + query);
    }

    private static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
