/**
 * The one outbound address policy: every connection the server opens on a user's behalf (page probes, deep checks,
 * TLS handshakes, RDAP look-ups, webhooks) is decided on the address it actually connects to, after resolution, by
 * {@link org.yunjian.shared.outbound.OutboundPolicy}; an IPv6 address that embeds an IPv4 one is judged by the IPv4
 * address, and everything the IANA special-purpose registries do not call globally reachable is refused unless an
 * administrator allows a named range for the purpose.
 */
package org.yunjian.shared.outbound;
